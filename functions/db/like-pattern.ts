/**
 * A LIKE / ILIKE pattern matching text that contains `search` as typed: `%`, `_` and `\` in
 * it are literal characters, not wildcards (backslash is PostgreSQL's default LIKE escape).
 */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
