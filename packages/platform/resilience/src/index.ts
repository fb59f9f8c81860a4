export { withDeadline, currentDeadline, remainingMs, type Deadline } from './deadline.js';
export { DependencyUnavailableError, findDependencyUnavailable, type UnavailableReason } from './dependency-unavailable.js';
export { withTimeout, TimeoutError } from './with-timeout.js';
export { installLastResortHandlers, LAST_RESORT_EXIT_CODE, type FatalLogger } from './last-resort-handlers.js';
