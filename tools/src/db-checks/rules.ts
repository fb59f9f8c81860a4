/** Every database boundary rule: its id, why it exists and how to fix a violation. */
export const DB_RULES = {
  'db/table-outside-module-schema': {
    why: "A module's data lives in its own Postgres schema, owned by its own role, so it can be moved, exported or extracted without untangling anyone else's tables.",
    fix: "Declare the object on the module's own schema (`const s = pgSchema('<module>'); s.table(...)`), not with pgTable/pgEnum/... (public schema) or another module's pgSchema.",
  },
  'db/cross-module-reference': {
    why: "A foreign key into another module's table couples both schemas for ever: neither can be migrated, exported or extracted alone, and Postgres will refuse it anyway.",
    fix: "Store the other module's id in a plain uuid column (no .references()) and check it exists through that module's public API before writing it.",
  },
  'db/cross-module-sql-in-migration': {
    why: "A migration that references, joins, views, grants on or alters another module's schema creates a hidden dependency that the owning module cannot see or change safely.",
    fix: "Touch only this module's schema; read another module's data through its API or integration events, and publish a reporting view from the owning module if reporting needs it.",
  },
  'db/ddl-outside-module-schema': {
    why: "A module's migrations run as its owner role and must create, alter or drop objects only in its own schema, or its schema stops being a self-contained unit.",
    fix: 'Schema-qualify every object with this module\'s schema (`"<module>"."name"`); database-wide objects (extensions, roles, other schemas) belong to `db:setup`, not to a module migration.',
  },
  'db/cross-module-sql-in-source': {
    why: "SQL naming another module's schema reads that module's internals behind its API; at runtime it fails with permission denied, because the module's role cannot use that schema.",
    fix: "Call the other module's public API (injected into this module's factory) or consume its integration events instead of querying its tables.",
  },
} as const;

export type DbRule = keyof typeof DB_RULES;
