export { defineApi, exposeApi, type ApiDeclaration, type ApiOf, type OperationDeclaration, type OperationRoute, type Operations } from './define-api.js';
export { defineErrors, errorCodes, type ErrorDeclaration, type ErrorDeclarations } from './define-errors.js';
export {
  defineModule,
  isModuleDescriptor,
  type Consumes,
  type Extraction,
  type ExtractionReason,
  type ModuleContext,
  type ModuleDefinition,
  type ModuleDescriptor,
  type ModuleInstance,
  type Needs,
} from './define-module.js';
export type { Worker } from './worker.js';
export { PeriodicPasses } from './periodic-passes.js';
export { PageLimitSchema, PagePositionSchema, pageSchema, type PagePosition } from './page.js';
export { resultSchema } from './result-schema.js';
