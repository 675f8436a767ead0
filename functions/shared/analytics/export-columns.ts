import { POST_METRICS } from './metrics';

/** What an export covers: each published copy with its latest figures, or its figures day by day. */
export const EXPORT_DATASETS = ['posts', 'daily'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FIGURES = [...POST_METRICS, 'engagement', 'engagementRate'] as const;
const PROVENANCE = ['asOf', 'source', 'unavailable'] as const;
const TARGET = ['targetId', 'postId', 'platform', 'accountName', 'publishedAt', 'url'] as const;

/**
 * The columns of each dataset, in order: the CSV header and the JSON keys are the same names,
 * so a script can switch format without renaming anything.
 */
export const EXPORT_COLUMNS = {
  posts: [...TARGET, 'text', ...FIGURES, ...PROVENANCE],
  daily: ['day', ...TARGET, ...FIGURES, ...PROVENANCE],
} as const satisfies Record<ExportDataset, readonly string[]>;
