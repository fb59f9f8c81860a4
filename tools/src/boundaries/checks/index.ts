import type { BoundaryCheck } from '../check.js';
import { cycleCheck } from './cycle.js';
import { databaseCheck } from './database.js';
import { deepImportCheck } from './deep-import.js';
import { moduleEntryCheck } from './module-entry.js';
import { ownershipCheck } from './ownership.js';
import { unresolvableImportCheck } from './unresolvable-import.js';
import { tagConstraintCheck } from './tag-constraint.js';
import { undeclaredDependencyCheck } from './undeclared-dependency.js';

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
];
