import { describe, expect, it } from 'vitest';
import { renderCodeowners } from './codeowners.js';
import { parseTeams } from './teams.js';

const teams = parseTeams(JSON.stringify({ teams: { accounts: { github: '@shop-org/accounts' }, platform: { github: '@shop-org/platform' } } }));

describe('renderCodeowners', () => {
  it('owns each project root by its team: tag, sorted by path', () => {
    const text = renderCodeowners(
      [
        { name: '@shop/tools', root: 'tools', tags: ['type:tool', 'team:platform'] },
        { name: '@shop/customers', root: 'packages/customers', tags: ['team:accounts'] },
      ],
      teams,
    );
    expect(text.split('\n').filter((line) => line.startsWith('/'))).toEqual(['/packages/customers/ @shop-org/accounts', '/tools/ @shop-org/platform']);
  });

  it('names every project without a team tag or with an unknown team', () => {
    expect(() =>
      renderCodeowners(
        [
          { name: '@shop/a', root: 'packages/a', tags: ['type:module'] },
          { name: '@shop/b', root: 'packages/b', tags: ['team:ghosts'] },
        ],
        teams,
      ),
    ).toThrow(/@shop\/a \(packages\/a\) has no team:<name> tag[\s\S]*@shop\/b is tagged team:ghosts, which tools\/teams.json does not define/);
  });
});

describe('parseTeams', () => {
  it('rejects a team without a GitHub handle', () => {
    expect(() => parseTeams(JSON.stringify({ teams: { growth: { description: 'x' } } }))).toThrow(/team "growth" needs a "github" handle/);
  });
});
