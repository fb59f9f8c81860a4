import type { ArchitectureFacts, ModuleFacts } from './architecture-model.js';

export const ARCHITECTURE_FILE = 'docs/architecture.md';

const nodeId = (name: string) => `m_${name.replace(/[^\w]/g, '_')}`;
const hostId = (project: string) => `h_${project.replace(/[^\w]/g, '_')}`;
const code = (items: readonly string[]) => (items.length === 0 ? 'none' : items.map((item) => `\`${item}\``).join(', '));
/** `orders.order-placed.v1` → `orders`: an event's type starts with its publisher's name. */
const publisherOf = (event: string) => event.slice(0, event.indexOf('.'));

/** Every event edge: from each publisher to each consumer, one per event (or one `all events` edge). */
export function eventEdges(modules: readonly ModuleFacts[]): { from: string; to: string; label: string }[] {
  const edges: { from: string; to: string; label: string }[] = [];
  for (const consumer of modules) {
    if (consumer.consumes === 'all') {
      for (const publisher of modules.filter((m) => m.publishes.length > 0 && m.name !== consumer.name)) {
        edges.push({ from: publisher.name, to: consumer.name, label: 'every event' });
      }
      continue;
    }
    for (const event of consumer.consumes) edges.push({ from: publisherOf(event), to: consumer.name, label: event });
  }
  return edges.sort((a, b) => `${a.from} ${a.to} ${a.label}`.localeCompare(`${b.from} ${b.to} ${b.label}`));
}

/** Every call edge: from a module to the module whose API it needs. */
export function callEdges(modules: readonly ModuleFacts[]): { from: string; to: string; label: string }[] {
  return modules
    .flatMap((module) => module.needs.map((need) => ({ from: module.name, to: need.module, label: `calls ${need.api}` })))
    .sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`));
}

function moduleSection(module: ModuleFacts): string {
  const api = module.api
    ? [
        `- API \`${module.api.name}\` (\`${module.project}\`):`,
        ...module.api.operations.map(
          (op) => `  - \`${op.name}\`${op.idempotent ? ' (idempotent)' : ''}${op.route ? ` — service route \`${op.route}\`` : ''}: ${op.summary}`,
        ),
      ]
    : ['- API: none'];
  const extraction =
    module.extraction.status === 'module'
      ? 'module (in process)'
      : `${module.extraction.status}: ${module.extraction.reason}, decided in [${module.extraction.decisionRecord}](../${module.extraction.decisionRecord})`;
  return [
    `## ${module.name}`,
    '',
    module.summary,
    '',
    `- Package: \`${module.project}\` in \`${module.directory}\``,
    `- Owner: ${module.owner}`,
    `- Extraction status: ${extraction}`,
    ...api,
    `- Calls: ${module.needs.length === 0 ? 'none' : module.needs.map((n) => `\`${n.api}\` of ${n.module} (as \`${n.local}\`)`).join(', ')}`,
    `- HTTP routes: ${code(module.routes)}`,
    `- Events published (\`${module.project}/events\`): ${code(module.publishes)}`,
    `- Events consumed: ${module.consumes === 'all' ? 'every event of every publisher' : code(module.consumes)}`,
    `- Error codes: ${module.errors.length === 0 ? 'none' : module.errors.map((e) => `\`${e.code}\` (${e.status})`).join(', ')}`,
    `- Tables owned: ${code(module.tables)}`,
    `- Reporting views: ${code(module.reportingViews)}`,
    `- Workers: ${code(module.workers)}`,
    '',
  ].join('\n');
}

/**
 * docs/architecture.md: a Mermaid map of hosts and modules (calls solid, events dashed from
 * publisher to consumer, module entries thick from host to module), then each module's facts.
 */
export function renderArchitecture({ modules, hosts }: ArchitectureFacts): string {
  const sorted = [...modules].sort((a, b) => a.name.localeCompare(b.name));
  const graph = ['flowchart LR'];
  for (const host of [...hosts].sort((a, b) => a.project.localeCompare(b.project))) graph.push(`  ${hostId(host.project)}[/"${host.project}"/]`);
  for (const module of sorted) graph.push(`  ${nodeId(module.name)}["${module.name}<br/>${module.owner}"]`);
  for (const host of [...hosts].sort((a, b) => a.project.localeCompare(b.project))) {
    for (const module of [...host.modules].sort()) graph.push(`  ${hostId(host.project)} ==>|composes| ${nodeId(module)}`);
  }
  for (const edge of callEdges(sorted)) graph.push(`  ${nodeId(edge.from)} -->|${edge.label}| ${nodeId(edge.to)}`);
  for (const edge of eventEdges(sorted)) graph.push(`  ${nodeId(edge.from)} -.->|${edge.label}| ${nodeId(edge.to)}`);

  return [
    '# Architecture',
    '',
    '<!-- Generated from the module descriptors by the Nx sync generator @shop/tools:architecture-doc; do not edit. `pnpm nx sync` rewrites it, `pnpm nx sync:check` (CI) fails while it is stale. -->',
    '',
    'Hosts, modules and their edges, read from each module\'s descriptor (`src/module.ts`): a thick arrow is a',
    'host composing a module in process (its `./module` entry), a solid arrow a call through another module\'s',
    'API (declared in `needs`), a dashed arrow an integration event from its publisher to a consumer (`./events`).',
    '',
    '```mermaid',
    ...graph,
    '```',
    '',
    ...sorted.map(moduleSection),
  ].join('\n');
}
