/** What docs/architecture.md says about one module, every field read from the code. */
export interface ModuleFacts {
  name: string;
  directory: string;
  owner: string;
  summary: string;
  publicApi: string[];
  routes: string[];
  tables: string[];
  eventsPublished: string[];
  /** Event schema names this module imports from another module, with the publisher's package. */
  eventsConsumed: { event: string; from: string }[];
  /** Other modules this module depends on (imports their public API: calls). */
  calls: string[];
}
