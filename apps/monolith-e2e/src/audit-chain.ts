import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MONOLITH_DIR = fileURLToPath(new URL('../../monolith/', import.meta.url));

/** Runs `pnpm audit:verify` (apps/monolith/src/cli/audit-verify.ts) against the database `env` names. */
export function verifyAuditChain(env: Record<string, string>): { ok: boolean; output: string } {
  const result = spawnSync('pnpm', ['run', '--silent', 'audit:verify'], { cwd: MONOLITH_DIR, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout}${result.stderr}`.trim();
  return { ok: result.status === 0 && /audit log intact: \d+ entries/.test(output), output };
}
