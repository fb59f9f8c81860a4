import type { BoundaryCheck } from '../check.js';
import { cycleCheck } from './cycle.js';
import { databaseCheck } from './database.js';
import { deepImportCheck } from './deep-import.js';
import { exportsMapCheck } from './exports-map.js';
import { hiddenEdgeConfigCheck } from './hidden-edge-config.js';
import { lintConfigCheck } from './lint-config.js';
import { lintExemptionCheck } from './lint-exemption.js';
import { migrationSafetyCheck } from './migration-safety.js';
import { moduleEntryCheck } from './module-entry.js';
import { ownershipCheck } from './ownership.js';
import { suppressedImportCheck } from './suppressed-import.js';
import { tagConstraintCheck } from './tag-constraint.js';
import { undeclaredDependencyCheck } from './undeclared-dependency.js';
import { unresolvableImportCheck } from './unresolvable-import.js';

/** Every check `pnpm boundaries` runs. A new check joins with one line here. */
export const checks: readonly BoundaryCheck[] = [
  tagConstraintCheck,
  deepImportCheck,
  moduleEntryCheck,
  undeclaredDependencyCheck,
  cycleCheck,
  ownershipCheck,
  databaseCheck,
  unresolvableImportCheck,
  migrationSafetyCheck,
  // Exempt nothing: no switched-off rule, no silenced import, no configuration that hides an edge.
  lintExemptionCheck,
  suppressedImportCheck,
  exportsMapCheck,
  hiddenEdgeConfigCheck,
  lintConfigCheck,
];
