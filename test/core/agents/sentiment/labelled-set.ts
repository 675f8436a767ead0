import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { SentimentLabel } from '../../../../functions/db/schema/listening';

export interface LabelledText {
  id: number;
  label: SentimentLabel;
  tags: string[];
  text: string;
}

/** A labelled set under test/fixtures/sentiment (README.md there says how it was made). */
export function readLabelledSet(name: 'brand-mentions' | 'holdout'): LabelledText[] {
  const path = new URL(`../../../fixtures/sentiment/${name}.csv`, import.meta.url);
  const rows = parse(readFileSync(path), { columns: true }) as Record<string, string>[];
  return rows.map((row) => ({
    id: Number(row.id),
    label: row.label as SentimentLabel,
    tags: row.tags ? row.tags.split(' ') : [],
    text: row.text!,
  }));
}
