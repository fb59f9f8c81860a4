import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProjectGraphAsync, type ProjectGraph } from '@nx/devkit';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import ts from 'typescript';
import { parseTeams, TEAMS_FILE, teamOf } from '../ownership/teams.js';
import type { ModuleFacts } from './architecture-model.js';
import { stubDeps } from './stub-deps.js';

/**
 * A module declares an event by exporting it from its public API under one of these names: a
 * `defineEvent` definition (`OrderPlacedV1`, see @shop/platform-events) or a bare `…EventSchema`.
 */
const EVENT_SCHEMA = /(EventSchema|[a-z]V\d+)$/;

/** Reads every `type:module` project of the Nx project graph into the facts docs/architecture.md shows. */
export async function collectArchitecture(workspaceRoot: string, graph?: ProjectGraph): Promise<ModuleFacts[]> {
  const projectGraph = graph ?? (await createProjectGraphAsync({ exitOnError: true }));
  const teams = parseTeams(readFileSync(path.join(workspaceRoot, TEAMS_FILE), 'utf8'));
  const modules = Object.values(projectGraph.nodes).filter((node) => node.data.tags?.includes('type:module'));
  const moduleNames = new Set(modules.map((node) => node.name));
  const facts: ModuleFacts[] = [];
  for (const node of modules) {
    const directory = node.data.root;
    const root = path.join(workspaceRoot, directory);
    const team = teamOf(node.data.tags) ?? 'unowned';
    const publicApi = exportedNames(path.join(root, 'src/index.ts'));
    facts.push({
      name: node.name,
      directory,
      owner: teams[team] ? `team:${team} (${teams[team].github})` : `team:${team}`,
      summary: readmeSummary(path.join(root, 'README.md')),
      publicApi,
      routes: await routesOf(root),
      tables: await tablesOf(root),
      eventsPublished: publicApi.filter((name) => EVENT_SCHEMA.test(name)),
      eventsConsumed: consumedEvents(path.join(root, 'src')),
      calls: (projectGraph.dependencies[node.name] ?? []).map((d) => d.target).filter((target) => moduleNames.has(target) && target !== node.name),
    });
  }
  return facts;
}

/** The names src/index.ts exports, resolved through re-exports by the TypeScript checker. */
function exportedNames(indexFile: string): string[] {
  const program = ts.createProgram([indexFile], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    customConditions: ['@shop/source'],
    noEmit: true,
    skipLibCheck: true,
  });
  const source = program.getSourceFile(indexFile);
  const symbol = source && program.getTypeChecker().getSymbolAtLocation(source);
  if (!symbol) return [];
  return program.getTypeChecker().getExportsOfModule(symbol).map((s) => s.getName()).sort();
}

/** `METHOD /path` of every route the module's router registers, read from its OpenAPI registry. */
async function routesOf(root: string): Promise<string[]> {
  const factoryFile = path.join(root, 'src/module.ts');
  if (!existsSync(factoryFile)) return [];
  const exports = (await import(pathToFileURL(factoryFile).href)) as Record<string, unknown>;
  const factory = Object.entries(exports).find(([name, value]) => /^create\w+Module$/.test(name) && typeof value === 'function')?.[1] as
    | ((deps: unknown) => { routes?: { openAPIRegistry?: { definitions: { type: string; route?: { method: string; path: string } }[] } } })
    | undefined;
  const registry = factory?.(stubDeps()).routes?.openAPIRegistry;
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

/** Event schemas the module's sources import from another module's public API. */
function consumedEvents(srcDir: string): { event: string; from: string }[] {
  const found = new Map<string, { event: string; from: string }>();
  for (const file of sourceFiles(srcDir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const from = statement.moduleSpecifier.text;
      const bindings = statement.importClause?.namedBindings;
      if (!from.startsWith('@shop/') || !bindings || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        const event = (element.propertyName ?? element.name).text;
        if (EVENT_SCHEMA.test(event)) found.set(`${from}:${event}`, { event, from });
      }
    }
  }
  return [...found.values()];
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The README's first paragraph after the title, without its `Owner: …` sentence. */
function readmeSummary(readme: string): string {
  if (!existsSync(readme)) return '';
  const paragraph = readFileSync(readme, 'utf8').split(/\n\s*\n/).find((p) => !p.trim().startsWith('#'));
  return (paragraph ?? '').replace(/^Owner:[^.]*\.\s*/, '').replace(/\s+/g, ' ').trim();
}
