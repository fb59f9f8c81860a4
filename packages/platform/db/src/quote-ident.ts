/** An SQL identifier quoted for use in raw DDL: `a"b` → `"a""b"`. The one quoting helper of the workspace. */
export function quoteIdent(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
