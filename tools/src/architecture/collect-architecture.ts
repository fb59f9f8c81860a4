import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProjectGraphAsync, type ProjectGraph } from '@nx/devkit';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { isModuleDescriptor, type ModuleDescriptor } from '@shop/platform-module';
import { parseTeams, TEAMS_FILE, teamOf } from '../ownership/teams.js';
import type { ArchitectureFacts, HostFacts, ModuleFacts } from './architecture-model.js';
import { inertContext } from './inert-context.js';

/**
 * Reads every `type:module` project's descriptor (the `defineModule` exported by `src/module.ts`)
 * and every `type:app` host into the facts docs/architecture.md shows. Runs the modules' code
 * (descriptors, drizzle tables, routes built with inert dependencies), so it runs under tsx.
 */
export async function collectArchitecture(workspaceRoot: string, graph?: ProjectGraph): Promise<ArchitectureFacts> {
  const projectGraph = graph ?? (await createProjectGraphAsync({ exitOnError: true }));
  const teams = parseTeams(readFileSync(path.join(workspaceRoot, TEAMS_FILE), 'utf8'));
  const nodes = Object.values(projectGraph.nodes);
  const modules: ModuleFacts[] = [];
  for (const node of nodes.filter((n) => n.data.tags?.includes('type:module'))) {
    const root = path.join(workspaceRoot, node.data.root);
    const descriptor = await descriptorOf(root);
    const team = teamOf(node.data.tags) ?? 'unowned';
    const instance = descriptor.create(inertContext(descriptor) as never);
    modules.push({
      name: descriptor.name,
      project: node.name,
      directory: node.data.root,
      owner: teams[team] ? `team:${team} (${teams[team].github})` : `team:${team}`,
      summary: readmeSummary(path.join(root, 'README.md')),
      api: descriptor.provides
        ? {
            name: descriptor.provides.name,
            operations: Object.entries(descriptor.provides.operations).map(([name, operation]) => ({
              name,
              summary: operation.summary,
              idempotent: operation.idempotent,
              route: operation.http ? `${operation.http.method.toUpperCase()} ${operation.http.path}` : null,
            })),
          }
        : null,
      needs: Object.entries(descriptor.needs).map(([local, api]) => ({ local, api: api.name, module: api.module })),
      routes: routesOf(instance.routes),
      publishes: descriptor.publishes.map((event) => event.name),
      consumes: descriptor.consumes === 'all' ? 'all' : descriptor.consumes.map((event) => event.name),
      errors: Object.entries(descriptor.errors).map(([code, { status }]) => ({ code, status })),
      tables: await tablesOf(root),
      reportingViews: [...descriptor.reportingViews],
      workers: (instance.workers ?? []).map((worker) => worker.name),
      extraction: { ...descriptor.extraction },
    });
  }
  const moduleProjects = new Map(modules.map((m) => [m.project, m.name]));
  const hosts: HostFacts[] = nodes
    .filter((n) => n.data.tags?.includes('type:app'))
    .map((n) => ({
      project: n.name,
      directory: n.data.root,
      modules: (projectGraph.dependencies[n.name] ?? []).flatMap((d) => (moduleProjects.has(d.target) ? [moduleProjects.get(d.target) ?? d.target] : [])),
    }));
  return { modules, hosts };
}

/** The module's descriptor: the one `defineModule` export of `src/module.ts`. */
async function descriptorOf(root: string): Promise<ModuleDescriptor> {
  const file = path.join(root, 'src/module.ts');
  const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const descriptors = Object.values(exports).filter(isModuleDescriptor);
  if (descriptors.length !== 1) throw new Error(`${path.relative(process.cwd(), file)} must export exactly one defineModule(...) descriptor (found ${descriptors.length})`);
  return descriptors[0] as ModuleDescriptor;
}

/** `METHOD /path` of every route the module's router registers, read from its OpenAPI registry. */
function routesOf(routes: unknown): string[] {
  const registry = (routes as { openAPIRegistry?: { definitions: { type: string; route?: { method: string; path: string } }[] } } | undefined)?.openAPIRegistry;
  return (registry?.definitions ?? []).flatMap((d) => (d.type === 'route' && d.route ? [`${d.route.method.toUpperCase()} ${d.route.path}`] : []));
}

/** `schema.table` for every drizzle table src/internal/schema.ts declares. */
async function tablesOf(root: string): Promise<string[]> {
  const schemaFile = path.join(root, 'src/internal/schema.ts');
  if (!existsSync(schemaFile)) return [];
  const exports = (await import(pathToFileURL(schemaFile).href)) as Record<string, unknown>;
  return Object.values(exports)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const config = getTableConfig(table);
      return `${config.schema ?? 'public'}.${config.name}`;
    })
    .sort();
}

/** The README's first paragraph after the title, without its `Owner: …` sentence. */
function readmeSummary(readme: string): string {
  if (!existsSync(readme)) return '';
  const paragraph = readFileSync(readme, 'utf8').split(/\n\s*\n/).find((p) => !p.trim().startsWith('#'));
  return (paragraph ?? '').replace(/^Owner:[^.]*\.\s*/, '').replace(/\s+/g, ' ').trim();
}
