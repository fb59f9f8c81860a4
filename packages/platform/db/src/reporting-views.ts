import { reportingRole } from './module-roles.js';
import { quoteIdent } from './quote-ident.js';

/**
 * The grants that publish a module's reporting views to the read-only reporting role: usage of
 * the schema (to name the view) and SELECT on each listed view, never on a table. A view runs
 * with its owner's rights, so the reporting role reads exactly what the view exposes.
 */
export function reportingGrants(module: { name: string; reportingViews?: readonly string[] }, rolePrefix: string): string[] {
  const views = module.reportingViews ?? [];
  if (views.length === 0) return [];
  const role = reportingRole(rolePrefix);
  return [
    `grant usage on schema ${quoteIdent(module.name)} to ${quoteIdent(role)}`,
    ...views.map((view) => `grant select on ${quoteIdent(module.name)}.${quoteIdent(view)} to ${quoteIdent(role)}`),
  ];
}
