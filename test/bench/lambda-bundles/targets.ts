import type { TargetCheck } from '../benchmark';
import { formatBytes, formatMs } from '../format';

/**
 * Issue 9's bars for the HTTP Lambdas (KB and MB read as KiB and MiB, as the table prints):
 * the median and the largest minified bundle, and the median and the largest cold import.
 */
export const HTTP_BUNDLE_MEDIAN_BYTES = 600 * 1024;
export const HTTP_BUNDLE_LARGEST_BYTES = 1024 * 1024;
export const HTTP_IMPORT_MEDIAN_MS = 80;
export const HTTP_IMPORT_LARGEST_MS = 120;

export interface HttpFunctionFigures {
  name: string;
  bytes: number;
  /** Median cold import of the function, ms. */
  importMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function largest(
  functions: HttpFunctionFigures[],
  by: (f: HttpFunctionFigures) => number,
): HttpFunctionFigures {
  return functions.reduce((a, b) => (by(b) > by(a) ? b : a));
}

/** The four bars, judged over every HTTP function measured (none judged when there are none). */
export function httpBundleTargets(functions: HttpFunctionFigures[]): TargetCheck[] {
  if (functions.length === 0) return [];
  const biggest = largest(functions, (f) => f.bytes);
  const slowest = largest(functions, (f) => f.importMs);
  const bytesMedian = median(functions.map((f) => f.bytes));
  const importMedian = median(functions.map((f) => f.importMs));
  return [
    {
      name: 'HTTP Lambda bundle, median (minified)',
      target: `<= ${formatBytes(HTTP_BUNDLE_MEDIAN_BYTES)}`,
      measured: `${formatBytes(bytesMedian)} over ${functions.length} functions`,
      met: bytesMedian <= HTTP_BUNDLE_MEDIAN_BYTES,
    },
    {
      name: 'HTTP Lambda bundle, largest (minified)',
      target: `<= ${formatBytes(HTTP_BUNDLE_LARGEST_BYTES)}`,
      measured: `${formatBytes(biggest.bytes)} (${biggest.name})`,
      met: biggest.bytes <= HTTP_BUNDLE_LARGEST_BYTES,
    },
    {
      name: 'HTTP Lambda cold import p50, median',
      target: `<= ${formatMs(HTTP_IMPORT_MEDIAN_MS)}`,
      measured: formatMs(importMedian),
      met: importMedian <= HTTP_IMPORT_MEDIAN_MS,
    },
    {
      name: 'HTTP Lambda cold import p50, largest',
      target: `<= ${formatMs(HTTP_IMPORT_LARGEST_MS)}`,
      measured: `${formatMs(slowest.importMs)} (${slowest.name})`,
      met: slowest.importMs <= HTTP_IMPORT_LARGEST_MS,
    },
  ];
}
