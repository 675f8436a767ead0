import { isApiProblem } from '../../api/problem';

/** One refused CSV row and everything wrong with it. */
export interface CsvRowError {
  /** 1-based data row (the header is not counted). */
  row: number;
  /** Line in the file, when the server knows it (the header is line 1). */
  line?: number;
  problems: { column?: string; message: string }[];
}

export interface CsvImportProblem {
  /** A message for the whole file: unreadable, wrong type, too many rows... */
  summary: string;
  rows: CsvRowError[];
}

/** `rows.3 (line 4).localTime`, or `rows.3.at` for JSON bodies. */
const ROW_FIELD = /^rows\.(\d+)(?: \(line (\d+)\))?(?:\.(.+))?$/;

/** API field paths back to the CSV column a person typed (bulk-schedule.ts reads these). */
const COLUMNS: [RegExp, string][] = [
  [/^content$/, 'content'],
  [/^title$/, 'title'],
  [/^(socialAccountIds|targets)(\.|$)/, 'accounts'],
  [/^mediaIds(\.|$)/, 'media_ids'],
  [/^firstComment$/, 'first_comment'],
  [/^(at|scheduledAt)$/, 'at'],
  [/^localTime$/, 'local_time'],
  [/^timeZone$/, 'time_zone'],
];

function columnOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  return COLUMNS.find(([pattern]) => pattern.test(path))?.[1] ?? path;
}

/**
 * Turns the bulk-schedule refusal (400 for rows of the wrong shape, 422 for rows that cannot
 * be scheduled) into rows a person can fix in the file. Nothing was created in either case.
 */
export function csvImportProblem(error: unknown): CsvImportProblem {
  if (!isApiProblem(error)) return { summary: 'The file could not be sent; try again.', rows: [] };
  const byRow = new Map<number, CsvRowError>();
  const general: string[] = [];
  for (const { field, message } of error.errors) {
    const match = ROW_FIELD.exec(field);
    if (!match) {
      general.push(message);
      continue;
    }
    const row = Number(match[1]);
    const entry = byRow.get(row) ?? { row, problems: [] };
    if (match[2]) entry.line = Number(match[2]);
    entry.problems.push({ column: columnOf(match[3]), message });
    byRow.set(row, entry);
  }
  const rows = [...byRow.values()].sort((a, b) => a.row - b.row);
  let summary = error.detail ?? error.title;
  if (error.status === 415) summary = 'Choose a .csv file (comma-separated values).';
  if (rows.length > 0)
    summary = `${summary} ${rows.length === 1 ? '1 row needs' : `${rows.length} rows need`} fixing.`;
  if (general.length > 0) summary = `${summary} ${general.join(' ')}`;
  return { summary, rows };
}
