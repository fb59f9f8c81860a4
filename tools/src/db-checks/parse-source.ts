import ts from 'typescript';

/**
 * A module source file parsed once for every database check that reads it (drizzle schemas and
 * SQL in source both walk the syntax tree): parsing is most of their cost, and on a workspace of
 * hundreds of modules it is the bulk of `pnpm boundaries`. Keyed by path and text, so a changed
 * file is parsed again.
 */
const cache = new Map<string, { text: string; source: ts.SourceFile }>();

export function parseSource(file: string, text: string): ts.SourceFile {
  const cached = cache.get(file);
  if (cached !== undefined && cached.text === text) return cached.source;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  cache.set(file, { text, source });
  return source;
}
