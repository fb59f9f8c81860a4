/** Role names start with this unless `DB_ROLE_PREFIX` (or `rolePrefix`) says otherwise. */
export const DEFAULT_ROLE_PREFIX = 'shop_';

export interface ModuleRoles {
  /** Owns the module's schema and runs its migrations (DDL). Never used by request-serving code. */
  owner: string;
  /** What the running module's statements execute as: DML on its own schema's tables, nothing else. */
  runtime: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Module and role names go into SQL as identifiers: only plain lower-case names are accepted. */
export function assertIdentifier(kind: string, name: string): string {
  if (!IDENTIFIER.test(name) || name.length > 63) {
    throw new Error(`${kind} "${name}" is not a plain lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63 characters)`);
  }
  return name;
}

/** `shop_customers` runs the customers module, `shop_customers_owner` migrates it. */
export function moduleRoles(module: string, prefix = DEFAULT_ROLE_PREFIX): ModuleRoles {
  assertIdentifier('Module name', module);
  const runtime = assertIdentifier('Role name', `${prefix}${module}`);
  return { runtime, owner: assertIdentifier('Role name', `${runtime}_owner`) };
}

/** The read-only role that may read only the views modules publish for reporting. */
export function reportingRole(prefix = DEFAULT_ROLE_PREFIX): string {
  return assertIdentifier('Role name', `${prefix}reporting`);
}
