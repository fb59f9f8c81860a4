import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  formatFiles,
  generateFiles,
  getProjects,
  installPackagesTask,
  logger,
  updateJson,
  type GeneratorCallback,
  type Tree,
} from '@nx/devkit';
import { codeownersGenerator } from '../codeowners/codeowners-generator.js';
import { readTeams, TEAMS_FILE } from '../../ownership/teams.js';
import { architectureDocGenerator } from '../architecture-doc/architecture-doc-generator.js';
import { addHostModule, HOST_MODULES_FILE } from './host-modules.js';
import { assertModuleName, classNameOf } from './module-name.js';

export interface ModuleGeneratorOptions {
  name: string;
  team: string;
  description?: string;
  skipInstall?: boolean;
}

export const HOST_DIR = 'apps/monolith';
export const TEMPLATES_DIR = 'tools/src/generators/module/files';

/** Versions the workspace already pins (zod must stay one exact copy in the tree). */
const PINNED = { zod: 'zod', drizzleOrm: 'drizzle-orm', honoZodOpenapi: '@hono/zod-openapi', drizzleKit: 'drizzle-kit' } as const;

/**
 * `nx g @shop/tools:module <name> --team=<team>`: a complete module laid out like
 * packages/customers (its descriptor in `src/module.ts`), added to the monolith's module list,
 * dependency and tsconfig reference, to CODEOWNERS, and to docs/architecture.md. Everything but
 * the architecture doc goes through the devkit Tree, so `--dry-run` shows it; the doc is
 * regenerated from the descriptors once the files are on disk.
 */
export async function moduleGenerator(tree: Tree, options: ModuleGeneratorOptions): Promise<GeneratorCallback> {
  const { name, team } = options;
  assertModuleName(name);
  const teams = readTeams(tree);
  if (!teams[team]) throw new Error(`Unknown team "${team}": ${TEAMS_FILE} defines ${Object.keys(teams).join(', ')}.`);
  const directory = `packages/${name}`;
  if (tree.exists(directory)) throw new Error(`${directory} already exists.`);
  if (getProjects(tree).has(`@shop/${name}`)) throw new Error(`A project named @shop/${name} already exists.`);

  const className = classNameOf(name);
  // Templates are found from the workspace root, not `__dirname`: Nx runs this file as CommonJS,
  // the benchmark imports it as an ES module, and a local plugin always lives in the workspace.
  generateFiles(tree, join(tree.root, TEMPLATES_DIR), directory, {
    tmpl: '',
    name,
    className,
    propertyName: name,
    team,
    description: options.description ?? 'What this module does, in one sentence.',
    versions: pinnedVersions(tree),
    snapshotId: randomUUID(),
    migrationTime: Date.now(),
  });

  updateJson(tree, `${HOST_DIR}/package.json`, (json) => {
    json.dependencies = { ...json.dependencies, [`@shop/${name}`]: 'workspace:*' };
    return json;
  });
  addReference(tree, 'tsconfig.json', `./${directory}`);
  addReference(tree, `${HOST_DIR}/tsconfig.json`, `../../${directory}`);
  addToHost(tree, name);
  await codeownersGenerator(tree);
  await formatFiles(tree);

  return async () => {
    if (!options.skipInstall) installPackagesTask(tree, true);
    // The doc is read by running the descriptors, so only once the module is on disk and installed.
    if (options.skipInstall) {
      logger.warn(`docs/architecture.md lists @shop/${name} once its dependencies are installed: pnpm install && pnpm nx sync`);
    } else {
      const { FsTree, flushChanges } = await import('nx/src/generators/tree.js');
      const onDisk = new FsTree(tree.root, false);
      await architectureDocGenerator(onDisk);
      flushChanges(tree.root, onDisk.listChanges());
    }
    logger.info(`@shop/${name} is ready: pnpm nx run-many -t lint typecheck test -p @shop/${name} @shop/monolith`);
  };
}

/** Appends the module's descriptor to the monolith's module list (apps/monolith/src/modules.ts). */
function addToHost(tree: Tree, name: string): void {
  const source = tree.read(HOST_MODULES_FILE, 'utf8');
  const updated = source === null ? null : addHostModule(source, `${name}Module`, `@shop/${name}/module`);
  if (updated === null) {
    throw new Error(`${HOST_MODULES_FILE} must export \`const modules = [ ... ]\` (the monolith's module list) for the generator to add @shop/${name} to it.`);
  }
  tree.write(HOST_MODULES_FILE, updated);
}

function addReference(tree: Tree, tsconfig: string, reference: string): void {
  updateJson(tree, tsconfig, (json: { references?: { path: string }[] }) => {
    const references = json.references ?? [];
    if (!references.some((r) => r.path === reference)) references.push({ path: reference });
    return { ...json, references };
  });
}

/** The version of each template dependency as another package of the workspace already pins it. */
function pinnedVersions(tree: Tree): Record<keyof typeof PINNED, string> {
  const found: Partial<Record<keyof typeof PINNED, string>> = {};
  for (const [, project] of getProjects(tree)) {
    const file = `${project.root}/package.json`;
    if (!tree.exists(file)) continue;
    const json = JSON.parse(tree.read(file, 'utf8') ?? '{}') as Record<string, Record<string, string> | undefined>;
    for (const [key, dependency] of Object.entries(PINNED) as [keyof typeof PINNED, string][]) {
      found[key] ??= json['dependencies']?.[dependency] ?? json['devDependencies']?.[dependency];
    }
  }
  const missing = (Object.keys(PINNED) as (keyof typeof PINNED)[]).filter((key) => !found[key]);
  if (missing.length > 0) throw new Error(`No package of the workspace pins ${missing.map((k) => PINNED[k]).join(', ')}; cannot pick versions.`);
  return found as Record<keyof typeof PINNED, string>;
}

export default moduleGenerator;
