import { moduleRoles } from './module-roles.js';
import { quoteIdent } from './quote-ident.js';

/**
 * The revocations that make a module's append-only tables so for its own runtime role: it keeps
 * SELECT and INSERT, loses UPDATE, DELETE and TRUNCATE. Run by the owner after every migration,
 * since the owner's default privileges grant all four to the runtime role on each new table.
 */
export function appendOnlyRevocations(module: { name: string; appendOnlyTables?: readonly string[] }, rolePrefix: string): string[] {
  const { runtime } = moduleRoles(module.name, rolePrefix);
  return (module.appendOnlyTables ?? []).map(
    (table) => `revoke update, delete, truncate on ${quoteIdent(module.name)}.${quoteIdent(table)} from ${quoteIdent(runtime)}`,
  );
}
