/**
 * Small, dependency-free helpers for reading SQL text well enough for boundary checks: they do
 * not parse SQL, they find schema-qualified names and statement heads, with line numbers.
 */

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * `text` with `--` and block comments and single-quoted literals replaced by spaces (newlines
 * kept), so offsets and lines still match the original. Dollar-quoted bodies are kept: a
 * function body naming another schema is exactly what the checks look for.
 */
export function blankCommentsAndStrings(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('--', i)) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (text[i] === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      blank(i, j + 1);
      i = j + 1;
    } else i++;
  }
  return out.join('');
}

export interface SchemaReference {
  schema: string;
  offset: number;
}

const QUALIFIED = /(?<![\w."$])("?)([A-Za-z_][A-Za-z0-9_$]*)\1\s*\.\s*"?[A-Za-z_*]/g;

/** Every `schema.name` or `"schema"."name"` in `text` whose schema is one of `schemas`. */
export function schemaReferences(text: string, schemas: ReadonlySet<string>): SchemaReference[] {
  const found: SchemaReference[] = [];
  for (const match of text.matchAll(QUALIFIED)) {
    const quoted = match[1] === '"';
    const name = quoted ? (match[2] ?? '') : (match[2] ?? '').toLowerCase();
    if (schemas.has(name)) found.push({ schema: name, offset: match.index ?? 0 });
  }
  return found;
}

export interface Statement {
  text: string;
  offset: number;
}

/** Splits (already blanked) SQL on `;` outside dollar-quoted bodies; offsets point at the first non-blank character. */
export function statements(text: string): Statement[] {
  const result: Statement[] = [];
  let start = 0;
  let dollar: string | null = null;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] === '$') {
      const tag = /^\$[A-Za-z_0-9]*\$/.exec(text.slice(i))?.[0];
      if (tag) {
        if (dollar === null) dollar = tag;
        else if (dollar === tag) dollar = null;
        i += tag.length - 1;
        continue;
      }
    }
    if (i === text.length || (text[i] === ';' && dollar === null)) {
      const chunk = text.slice(start, i);
      const lead = chunk.length - chunk.trimStart().length;
      if (chunk.trim()) result.push({ text: chunk.trim(), offset: start + lead });
      start = i + 1;
    }
  }
  return result;
}
