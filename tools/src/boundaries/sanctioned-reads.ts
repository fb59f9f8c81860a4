import type { WorkspaceIndex } from './workspace.js';

/**
 * One sanctioned cross-module read: a module (reporting, search, audit) allowed to read another
 * module's data outside its API, through a declared read-only role or view. The dashboard charts
 * the register over time so a growing one is seen.
 */
export interface SanctionedRead {
  /** The reading project (`@shop/reporting`). */
  reader: string;
  /** The project whose data is read (`@shop/orders`). */
  owner: string;
  /** What is read: a view, a table, an event stream (`orders.order_totals_v1`). */
  object: string;
  /** Why it is sanctioned, and who approved it. */
  reason: string;
}

/**
 * The register of sanctioned reads in this tree. The workspace has no sanctioned reader yet (no
 * reporting module, no declared read-only role), so the register is empty; the "yellow flag"
 * register plugs in here, and every report, CI artifact and dashboard point carries what it says.
 */
export function sanctionedReads(_index: WorkspaceIndex): SanctionedRead[] {
  return [];
}
