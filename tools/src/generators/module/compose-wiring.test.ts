import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from '../../workspace-copy.js';
import { composeWiring, wireIntoCompose } from './compose-wiring.js';
import { assertModuleName } from './module-name.js';

const wiring = composeWiring('loyalty', 'Loyalty');
const compose = readFileSync(`${WORKSPACE_ROOT}apps/monolith/src/compose.ts`, 'utf8');

describe('wireIntoCompose', () => {
  it("adds the import, the migrations and the mount to the monolith's compose.ts", () => {
    const wired = wireIntoCompose(compose, wiring);
    expect(wired).toContain(wiring.importLine);
    expect(wired).toMatch(/moduleMigrations: readonly ModuleMigrations\[\] = \[[^\]]*,\s*loyaltyMigrations,?\s*\]/);
    expect(wired).toMatch(/const loyalty = createLoyaltyModule\(\{ db: database.forModule\('loyalty'\), logger \}\);\n {2}app.route\('\/', loyalty.routes\);\n\n\s*app.doc31\(/);
    expect(wireIntoCompose(wired ?? '', wiring)).toBe(wired); // idempotent
  });

  it('keeps a multi-line migrations array multi-line', () => {
    const source = "import { a } from '@shop/a/module';\nexport const moduleMigrations: readonly ModuleMigrations[] = [\n  aMigrations,\n  bMigrations,\n];\n  app.doc31('/openapi.json', {});\n";
    expect(wireIntoCompose(source, wiring)).toContain('[\n  aMigrations,\n  bMigrations,\n  loyaltyMigrations,\n];');
  });

  it('gives up (null) when the file does not have the expected shape', () => {
    expect(wireIntoCompose('export const app = 1;\n', wiring)).toBeNull();
  });
});

describe('assertModuleName', () => {
  it.each(['Loyalty', 'gift-cards', '1st', 'pgstuff', 'class', 'platform', ''])('rejects %j', (name) => {
    expect(() => assertModuleName(name)).toThrow();
  });
  it('accepts a lowercase identifier', () => {
    expect(() => assertModuleName('giftcards2')).not.toThrow();
  });
});
