/**
 * Reads a crisis alert's `details` (core/listening/crisis-check.ts: level, evidence, baseline,
 * samples). The API types it as an open object, so every field is checked and anything
 * missing is left out rather than shown wrong.
 */
export interface CrisisEvidence {
  windowHours: number;
  mentions: number;
  expected: number;
  ratio: number;
  negative: number;
  negativeShare: number | null;
  baselineNegativeShare: number;
}

export interface CrisisSample {
  id: string;
  platform: string;
  content: string;
  url: string | null;
  at: string;
  score: number | null;
}

export interface CrisisDetails {
  level: string | null;
  evidence: CrisisEvidence | null;
  /** Days of history the baseline rests on, or why there is none. */
  baseline: { supported: true; days: number } | { supported: false; reason: string } | null;
  samples: CrisisSample[];
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (record: Json, key: string): number | null =>
  typeof record[key] === 'number' && Number.isFinite(record[key]) ? record[key] : null;
const str = (record: Json, key: string): string | null =>
  typeof record[key] === 'string' ? record[key] : null;

function evidenceOf(value: unknown): CrisisEvidence | null {
  if (!isRecord(value)) return null;
  const windowHours = num(value, 'windowHours');
  const mentions = num(value, 'mentions');
  const expected = num(value, 'expected');
  const negative = num(value, 'negative');
  const baselineNegativeShare = num(value, 'baselineNegativeShare');
  if (windowHours === null || mentions === null || expected === null || negative === null) return null;
  return {
    windowHours,
    mentions,
    expected,
    ratio: num(value, 'ratio') ?? (expected > 0 ? mentions / expected : 0),
    negative,
    negativeShare: num(value, 'negativeShare'),
    baselineNegativeShare: baselineNegativeShare ?? 0,
  };
}

function baselineOf(value: unknown): CrisisDetails['baseline'] {
  if (!isRecord(value)) return null;
  if (value.supported === true) return { supported: true, days: num(value, 'days') ?? 0 };
  if (value.supported === false) return { supported: false, reason: str(value, 'reason') ?? '' };
  return null;
}

function samplesOf(value: unknown): CrisisSample[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (!isRecord(item)) return [];
    const id = str(item, 'id');
    const content = str(item, 'content');
    if (!id || content === null) return [];
    return [
      {
        id,
        content,
        platform: str(item, 'platform') ?? '',
        url: str(item, 'url'),
        at: str(item, 'at') ?? '',
        score: num(item, 'score'),
      },
    ];
  });
}

export function readCrisisDetails(details: Json): CrisisDetails {
  return {
    level: str(details, 'level'),
    evidence: evidenceOf(details.evidence),
    baseline: baselineOf(details.baseline),
    samples: samplesOf(details.samples),
  };
}

/** 0.4 → "40 %". */
export const percent = (share: number | null): string =>
  share === null ? '—' : `${Math.round(share * 1000) / 10} %`;
