/**
 * The destructive steps a migration can take while the previous release is still running (a
 * rolling deploy, a canary, a rollback), with why each breaks it and the safe sequence, after
 * strong_migrations. One rule per hazard, so a report says exactly which step and how to do it.
 */
export const MIGRATION_HAZARDS = {
  'migration/drop-table': {
    why: 'The running release still reads and writes the table: dropping it in the same deploy that stops using it breaks every instance not yet replaced, and a rollback has nothing to roll back to.',
    fix: 'Expand/contract: release code that no longer uses the table first; then, in a later migration marked `-- contract-of: <a migration already on main>`, drop it.',
  },
  'migration/drop-column': {
    why: "The running release still selects and inserts the column (drizzle names every column of the table): dropping it fails that release's queries until it is replaced, and blocks a rollback.",
    fix: 'Expand/contract: remove the column from the code (the drizzle table) and release; then drop it in a later migration marked `-- contract-of: <a migration already on main>`.',
  },
  'migration/rename': {
    why: 'A rename is a drop and an add at once for the running release: its queries name the old column or table and fail the moment the migration commits.',
    fix: 'Never rename in place: add the new column (or table), write both and backfill, switch reads to the new one and release, then drop the old one in a later contract migration (`-- contract-of: …`).',
  },
  'migration/type-change': {
    why: 'Changing a column to a type that is not a strict widening rewrites the table under an exclusive lock and can reject or truncate values the running release still writes.',
    fix: 'Add a column of the new type, dual-write and backfill in batches, switch reads, then drop the old column in a contract migration; only widenings (varchar(n) to a longer varchar or text, smallint → integer → bigint, a larger numeric precision) are safe in place.',
  },
  'migration/not-null': {
    why: 'SET NOT NULL scans the whole table under an exclusive lock, and ADD COLUMN … NOT NULL without a DEFAULT fails on a table with rows; either way the running release blocks or breaks.',
    fix: 'Add the column nullable (or with a constant DEFAULT, instant since PostgreSQL 11), backfill in batches, add `CHECK (col IS NOT NULL) NOT VALID` then `VALIDATE CONSTRAINT`, and only then SET NOT NULL in a contract migration (`-- contract-of: …`).',
  },
  'migration/blocking-index': {
    why: 'CREATE INDEX without CONCURRENTLY locks the table against writes for as long as the build takes, which on a large table is an outage for every module call that writes it.',
    fix: "Build it with CREATE INDEX CONCURRENTLY before the release. That statement cannot run in a transaction and drizzle's migrator runs migrations in one, so run it out of band (psql, a one-off job) and keep `CREATE INDEX IF NOT EXISTS …` in the migration, where it is then a no-op.",
  },
  'migration/contract-too-early': {
    why: 'A contract step is safe only once the release that stopped using the old shape is deployed everywhere; if its expand step is in the same change, both reach production in one deploy.',
    fix: 'Ship the expand migration (and the code that stops using the old shape) first; mark the contract migration `-- contract-of: <that migration>` once it is on main.',
  },
} as const;

export type MigrationHazard = keyof typeof MIGRATION_HAZARDS;
