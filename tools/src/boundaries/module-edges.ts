import { tagValue, type WorkspaceIndex } from './workspace.js';

/**
 * The three kinds of edge into a module, by the entry they go through: `calls` (the root entry:
 * the API declaration, schemas and types of an API the importer needs), `events` (`./events`:
 * versioned event definitions a subscriber consumes) and `module-entry` (`./module`: the
 * descriptor a host composes). `client` and `contract` are the exit ramp's service client and
 * contract suite.
 */
export type ModuleEdgeKind = 'calls' | 'events' | 'module-entry' | 'client' | 'contract';

export interface ModuleEdge {
  source: string;
  target: string;
  kind: ModuleEdgeKind;
}

const KINDS: Readonly<Record<string, ModuleEdgeKind>> = { '.': 'calls', './events': 'events', './module': 'module-entry', './client': 'client', './contract': 'contract' };

/** Every edge from a project into a `type:module` package, one per (source, target, kind), from the imports of non-test files. */
export function moduleEdges(index: WorkspaceIndex): ModuleEdge[] {
  const edges = new Map<string, ModuleEdge>();
  for (const resolved of index.resolvedImports) {
    if (resolved.kind !== 'package' || tagValue(resolved.target, 'type:') !== 'module' || resolved.site.project === resolved.target.name) continue;
    if (/(^|\/)test\/|\.test\.[cm]?[jt]sx?$/.test(resolved.site.file)) continue;
    const kind = KINDS[resolved.subpath];
    if (kind === undefined) continue; // a deep import: the deep-import rule reports it
    const edge = { source: resolved.site.project, target: resolved.target.name, kind };
    edges.set(`${edge.source}\0${edge.target}\0${kind}`, edge);
  }
  return [...edges.values()].sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target) || a.kind.localeCompare(b.kind));
}
