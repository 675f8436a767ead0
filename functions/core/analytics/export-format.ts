import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { EXPORT_COLUMNS, type ExportDataset, type ExportFormat } from '../../shared/analytics/export-columns';
import { POST_METRICS, type UnavailableMetrics } from '../../shared/analytics/metrics';
import type { ExportRow } from './export-rows';

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or
 * carriage return, as OWASP lists them) gets a leading `'`, so post texts and account names
 * written by anyone on the network cannot become `=HYPERLINK(…)` in someone's Excel. Numbers
 * are never touched: a figure stays a number.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * `reach: reason; comments: reason`, one cell that says why each empty figure is empty, in the
 * columns' order (jsonb keeps its keys in an order of its own).
 */
export function reasonsCell(unavailable: UnavailableMetrics): string {
  return POST_METRICS.flatMap((metric) =>
    unavailable[metric] ? [`${metric}: ${unavailable[metric]}`] : [],
  ).join('; ');
}

/**
 * CSV rows through csv-stringify (RFC 4180 quoting of commas, quotes and line breaks), one
 * header line first. A null figure is an empty cell, never 0.
 */
export function csvChunks(rows: AsyncIterable<ExportRow>, dataset: ExportDataset): AsyncIterable<string> {
  const columns = [...EXPORT_COLUMNS[dataset]];
  const cells = async function* () {
    for await (const row of rows) yield { ...row, unavailable: reasonsCell(row.unavailable) };
  };
  const stringifier = stringify({
    header: true,
    columns,
    cast: { string: (value) => neutraliseFormula(value) },
  });
  // Errors of the source (the database) reach the reader of the stringifier too.
  const source = Readable.from(cells());
  source.on('error', (error) => stringifier.destroy(error));
  source.pipe(stringifier);
  return stringifier.setEncoding('utf8') as AsyncIterable<string>;
}

/**
 * A JSON array written row by row (`[`, rows separated by commas, `]`): one document a client
 * parses whole with JSON.parse, produced without holding it. A null figure stays null.
 */
export async function* jsonChunks(
  rows: AsyncIterable<ExportRow>,
  dataset: ExportDataset,
): AsyncIterable<string> {
  const columns = EXPORT_COLUMNS[dataset];
  let first = true;
  yield '[';
  for await (const row of rows) {
    const ordered = Object.fromEntries(columns.map((name) => [name, row[name as keyof ExportRow] ?? null]));
    yield `${first ? '\n' : ',\n'}${JSON.stringify(ordered)}`;
    first = false;
  }
  yield '\n]\n';
}

export function exportChunks(
  rows: AsyncIterable<ExportRow>,
  dataset: ExportDataset,
  format: ExportFormat,
): AsyncIterable<string> {
  return format === 'csv' ? csvChunks(rows, dataset) : jsonChunks(rows, dataset);
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
