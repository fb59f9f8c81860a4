/** Words a module name cannot be: each name becomes a JS identifier, a package and a Postgres schema. */
const RESERVED = new Set([
  // the workspace's own packages and Postgres' own schemas
  'platform', 'tools', 'monolith', 'source', 'drizzle', 'public', 'information_schema',
  // JavaScript reserved words and globals the templates would shadow
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'await', 'arguments', 'eval',
  'app', 'database', 'logger', 'items', 'sql', 'z',
]);

/** Throws a message saying what a valid name looks like when `name` is not one. */
export function assertModuleName(name: string): void {
  if (!/^[a-z][a-z0-9]*$/.test(name)) {
    throw new Error(
      `Module name "${name}" is not a lowercase identifier: use letters a-z and digits, starting with a letter (e.g. "loyalty", "giftcards").`,
    );
  }
  if (name.startsWith('pg')) throw new Error(`Module name "${name}" starts with "pg", which Postgres reserves for its own schemas.`);
  if (RESERVED.has(name)) throw new Error(`Module name "${name}" is reserved: it would clash with a package, a Postgres schema or a JavaScript name.`);
}

/** `giftcards` → `Giftcards`: the prefix of the module's exported types and factory. */
export function classNameOf(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
