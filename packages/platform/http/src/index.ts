export { createHttpApp, HTTP_DEFAULTS, type HttpAppOptions, type ReadinessCheck } from './create-http-app.js';
export { createRouter, type Router } from './create-router.js';
export { ProblemError, problemBody, type Problem, type FieldError } from './problem.js';
export { ProblemSchema, problemResponses, jsonBody, jsonResponse } from './openapi-helpers.js';
export { validationHook } from './validation-hook.js';
export { encodeCursor, decodeCursor, CursorSchema, LimitSchema, type KeysetPosition } from './cursor.js';
export { cursorPage, positionOfCursor, type PagePositionData } from './cursor-page.js';
export { declaredProblem, problemSlugOf, type DeclaredErrors } from './declared-problem.js';
export { pathsWithNul } from './unstorable-input.js';
