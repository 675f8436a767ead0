import type { BenchTable, TargetCheck } from '../benchmark';

/** How a target reads in the table: met, MISSED (upper case so it stands out), or not judged. */
export function verdict(check: TargetCheck): string {
  if (check.met === undefined) return 'not judged';
  return check.met ? 'met' : 'MISSED';
}

/** One line per target: the bar, the figure and the verdict (with the benchmark when given). */
export function targetsTable(
  title: string,
  checks: ReadonlyArray<TargetCheck & { benchmark?: string }>,
): BenchTable {
  const withRow = checks.some((c) => c.benchmark !== undefined);
  return {
    title,
    columns: [...(withRow ? ['row'] : []), 'target', 'bar', 'measured', 'result', 'note'],
    rows: checks.map((c) => [
      ...(withRow ? [c.benchmark ?? ''] : []),
      c.name,
      c.target,
      c.measured,
      verdict(c),
      c.note ?? '',
    ]),
  };
}
