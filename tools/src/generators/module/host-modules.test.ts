import { describe, expect, it } from 'vitest';
import { addHostModule } from './host-modules.js';

describe('addHostModule', () => {
  const oneLine = `import { aModule } from '@shop/a/module';\n\n/** doc */\nexport const modules = [aModule];\n`;
  const multiLine = `import { aModule } from '@shop/a/module';\nimport { bModule } from '@shop/b/module';\n\nexport const modules = [\n  aModule,\n  bModule,\n] as const;\n`;

  it('adds the import after the last import and the descriptor last in a one-line array', () => {
    expect(addHostModule(oneLine, 'giftsModule', '@shop/gifts/module')).toBe(
      `import { aModule } from '@shop/a/module';\nimport { giftsModule } from '@shop/gifts/module';\n\n/** doc */\nexport const modules = [aModule, giftsModule];\n`,
    );
  });

  it('keeps a multi-line array multi-line, with its indentation and trailing comma', () => {
    expect(addHostModule(multiLine, 'giftsModule', '@shop/gifts/module')).toBe(
      `import { aModule } from '@shop/a/module';\nimport { bModule } from '@shop/b/module';\nimport { giftsModule } from '@shop/gifts/module';\n\nexport const modules = [\n  aModule,\n  bModule,\n  giftsModule,\n] as const;\n`,
    );
  });

  it('fills an empty array and changes nothing when the module is already listed', () => {
    expect(addHostModule('export const modules = [];\n', 'giftsModule', '@shop/gifts/module')).toBe(
      `import { giftsModule } from '@shop/gifts/module';\nexport const modules = [giftsModule];\n`,
    );
    expect(addHostModule(oneLine, 'aModule', '@shop/a/module')).toBe(oneLine);
  });

  it('is not fooled by a comment or a string that looks like the array', () => {
    const decoy = `// export const modules = [old];\nconst text = 'export const modules = [x]';\nexport const modules = [aModule];\n`;
    expect(addHostModule(decoy, 'bModule', '@shop/b/module')).toContain(`export const modules = [aModule, bModule];`);
    expect(addHostModule(decoy, 'bModule', '@shop/b/module')).toContain(`// export const modules = [old];`);
  });

  it('returns null when the file has no exported modules array', () => {
    expect(addHostModule('export const other = [];\n', 'giftsModule', '@shop/gifts/module')).toBeNull();
  });
});
