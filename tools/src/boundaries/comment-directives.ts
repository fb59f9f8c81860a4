import ts from 'typescript';

/** A comment that switches a checker off or reconfigures it: `eslint-disable…`, `/* eslint rule: off *\/`, `@ts-ignore`, `@ts-expect-error`. */
export interface CommentDirective {
  /** 1-based line where the comment ends. */
  line: number;
  kind: 'eslint-disable' | 'eslint-config' | 'ts-ignore' | 'ts-expect-error';
  /** The ESLint rules it names (empty: every rule); for TypeScript directives, empty. */
  rules: string[];
  text: string;
  /** The next line, trimmed: what a `-next-line` or `@ts-ignore` directive applies to. */
  next: string;
}

/** Only files mentioning one of these are parsed for comments; the rest cannot hold a directive. */
const MAY_HOLD_DIRECTIVE = /eslint-disable|\/\*\s*eslint\s|@ts-ignore|@ts-expect-error/;

/**
 * The directive comments of a source file. Read from TypeScript's comment ranges of a parsed
 * file, so the same words inside a string or a template (a test fixture, say) are not directives.
 */
export function scanDirectives(sourceText: string, fileName = 'file.ts'): CommentDirective[] {
  if (!MAY_HOLD_DIRECTIVE.test(sourceText)) return [];
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, /\.[cm]?jsx?$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const lines = sourceText.split('\n');
  const seen = new Set<number>();
  const directives: CommentDirective[] = [];
  const take = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      const text = sourceText.slice(range.pos, range.end);
      const directive = parseDirective(text);
      if (directive === undefined) continue;
      const line = source.getLineAndCharacterOfPosition(range.end).line + 1;
      directives.push({ ...directive, line, text: text.trim(), next: (lines[line] ?? '').trim() });
    }
  };
  const visit = (node: ts.Node) => {
    take(ts.getLeadingCommentRanges(sourceText, node.pos));
    take(ts.getTrailingCommentRanges(sourceText, node.end));
    node.forEachChild(visit);
  };
  visit(source);
  return directives.sort((a, b) => a.line - b.line);
}

/** What one comment says, if it is a directive. */
export function parseDirective(comment: string): Omit<CommentDirective, 'line' | 'text' | 'next'> | undefined {
  const body = comment.replace(/^\/\/|^\/\*+|\*\/$/g, '').trim();
  if (/^@ts-ignore\b/.test(body)) return { kind: 'ts-ignore', rules: [] };
  if (/^@ts-expect-error\b/.test(body)) return { kind: 'ts-expect-error', rules: [] };
  const disable = /^eslint-disable(?:-next-line|-line)?(?:\s+([^]*?))?(?:\s+--[^]*)?$/.exec(body);
  if (disable) return { kind: 'eslint-disable', rules: ruleList(disable[1]) };
  // `/* eslint rule-name: off */` reconfigures rules inline (ESLint's inline config comment).
  const config = /^eslint\s+([^]*)$/.exec(body);
  if (config && comment.startsWith('/*')) return { kind: 'eslint-config', rules: [...(config[1] ?? '').matchAll(/([@\w/-]+)\s*:/g)].map((m) => m[1] as string) };
  return undefined;
}

function ruleList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((rule) => rule.trim())
    .filter(Boolean);
}
