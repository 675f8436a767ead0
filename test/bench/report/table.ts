import type { BenchTable } from '../benchmark';

const NUMERIC = /^[-+]?[\d.,]+\s*(?:[a-zA-Z%/]+)?x?$/;

/**
 * Renders a plain-text table. Numeric-looking cells are right-aligned so magnitudes line
 * up; everything else is left-aligned.
 */
export function renderTable(table: BenchTable): string {
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return NUMERIC.test(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [table.title, line(table.columns), rule, ...table.rows.map(line)].join('\n');
}
