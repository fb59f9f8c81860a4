/** One operation of a module's API, as docs/architecture.md lists it. */
export interface OperationFacts {
  name: string;
  summary: string;
  idempotent: boolean;
  /** `METHOD /path` of its service route, once it has one. */
  route: string | null;
}

/** What docs/architecture.md says about one module, every field read from its descriptor and code. */
export interface ModuleFacts {
  /** The module's name, as its descriptor declares it. */
  name: string;
  /** The package (`@shop/<name>`). */
  project: string;
  directory: string;
  owner: string;
  summary: string;
  api: { name: string; operations: OperationFacts[] } | null;
  /** The APIs it calls: local name, API and providing module. */
  needs: { local: string; api: string; module: string }[];
  routes: string[];
  /** `<type>.v<version>` of each event it publishes. */
  publishes: string[];
  /** `<type>.v<version>` of each event it handles, or `all` (every event of every publisher). */
  consumes: string[] | 'all';
  errors: { code: string; status: number }[];
  tables: string[];
  reportingViews: string[];
  workers: string[];
  extraction: { status: string; reason?: string; decisionRecord?: string };
}

/** A host (an app that composes modules), with the modules it composes in process. */
export interface HostFacts {
  project: string;
  directory: string;
  modules: string[];
}

export interface ArchitectureFacts {
  modules: ModuleFacts[];
  hosts: HostFacts[];
}
