/** The lines that wire a module into the monolith's composition root (apps/monolith/src/compose.ts). */
export interface ComposeWiring {
  importLine: string;
  migrations: string;
  mountLines: string[];
}

export function composeWiring(name: string, className: string): ComposeWiring {
  return {
    importLine: `import { create${className}Module, ${name}Migrations } from '@shop/${name}/module';`,
    migrations: `${name}Migrations`,
    mountLines: [`  const ${name} = create${className}Module({ db: database.forModule('${name}'), logger });`, `  app.route('/', ${name}.routes);`],
  };
}

const HOST_IMPORT = /^import .* from '@shop\/[\w-]+\/module';$/gm;
const MIGRATIONS_ARRAY = /(export const moduleMigrations: readonly ModuleMigrations\[\] = \[)([^\]]*)(\];)/;
const OPENAPI_DOC = /^(\s*)app\.doc31\(/m;

/**
 * Adds the module's import, migrations and route mount to compose.ts. Returns null when the file
 * no longer has the shape these anchors expect (host imports, the `moduleMigrations` array, the
 * `app.doc31(` call mounted last); the caller then prints the lines for a human to add.
 */
export function wireIntoCompose(source: string, wiring: ComposeWiring): string | null {
  if (source.includes(wiring.importLine)) return source; // already wired
  const imports = [...source.matchAll(HOST_IMPORT)];
  const lastImport = imports.at(-1);
  const migrations = MIGRATIONS_ARRAY.exec(source);
  if (!lastImport || lastImport.index === undefined || !migrations || !OPENAPI_DOC.test(source)) return null;

  const afterImport = lastImport.index + lastImport[0].length;
  let result = `${source.slice(0, afterImport)}\n${wiring.importLine}${source.slice(afterImport)}`;
  result = result.replace(MIGRATIONS_ARRAY, (_all, open: string, items: string, close: string) => {
    const trimmed = items.trimEnd();
    if (trimmed.trim() === '') return `${open}${wiring.migrations}${close}`;
    // Keep a multi-line array multi-line.
    if (items.includes('\n')) return `${open}${trimmed.replace(/,?$/, ',')}\n  ${wiring.migrations},\n${close}`;
    return `${open}${trimmed}, ${wiring.migrations}${close}`;
  });
  result = result.replace(OPENAPI_DOC, (line) => `${wiring.mountLines.join('\n')}\n\n${line}`);
  return result;
}
