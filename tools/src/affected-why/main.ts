import { readNxJson } from 'nx/src/config/configuration';
import { explainAffected, type AffectedReason } from './explain-affected.js';
import { analyseAffected } from './nx-affected.js';

/**
 * `pnpm affected:why [--base=<ref>] [--head=<ref>] [--json]`: for each project Nx considers
 * affected, the changed files inside it, or the chain of dependencies that leads to a changed
 * project or npm package. Nx prints only the set (nrwl/nx#23149).
 */
const args = parseArgs(process.argv.slice(2));
const base = args.get('base') ?? readNxJson().defaultBase ?? 'main';
const head = args.get('head');
const analysis = await analyseAffected({ base, head });
const reasons = explainAffected(analysis.graph.dependencies, analysis.affected, analysis.touchedBy);

if (args.has('json')) {
  console.log(
    JSON.stringify(
      {
        base,
        mergeBase: analysis.mergeBase,
        head: head ?? null,
        changedFiles: analysis.changedFiles,
        touchingNothing: analysis.touchingNothing,
        affected: reasons,
      },
      null,
      2,
    ),
  );
} else {
  const range = head ? `${short(analysis.mergeBase)} (merge base with ${base})..${head}` : `${short(analysis.mergeBase)} (merge base with ${base}), plus uncommitted and untracked files`;
  console.log(`Changes: ${range}: ${analysis.changedFiles.length} changed file(s), ${reasons.length} affected project(s).`);
  for (const reason of reasons) console.log(describe(reason));
  if (analysis.touchingNothing.length > 0) console.log(`\nChanged files that affect no project: ${analysis.touchingNothing.join(', ')}`);
}

function describe(reason: AffectedReason): string {
  switch (reason.kind) {
    case 'changed':
      return `\n${reason.project}\n  changed: ${reason.files.join(', ')}`;
    case 'depends': {
      const changed = reason.path[reason.path.length - 1] as string;
      return `\n${reason.project}\n  depends on: ${reason.path.join(' → ')}\n  where ${changed} changed: ${reason.files.join(', ')}`;
    }
    case 'unexplained':
      return `\n${reason.project}\n  affected by Nx, but no changed file or dependency path explains it`;
  }
}

function short(sha: string) {
  return /^[0-9a-f]{40}$/.test(sha) ? sha.slice(0, 10) : sha;
}

function parseArgs(argv: string[]): Map<string, string | undefined> {
  const parsed = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(argv[i] as string);
    if (!match) throw new Error(`Unexpected argument "${argv[i]}". Usage: pnpm affected:why [--base=<ref>] [--head=<ref>] [--json]`);
    const [, key, inline] = match as unknown as [string, string, string | undefined];
    if (inline !== undefined || key === 'json') parsed.set(key, inline);
    else parsed.set(key, argv[++i]);
  }
  return parsed;
}
