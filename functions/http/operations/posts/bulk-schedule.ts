import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { bulkSchedulePosts as bulkSchedule } from '../../../core/posts/bulk-schedule';
import { applyPostEffects } from '../../../core/posts/post-effects';
import { postPortsOf } from '../../../core/posts/post-ports';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { bulkScheduleRow, MAX_BULK_ROWS } from '../../../shared/contracts/posts';
import { HttpProblem, type FieldError } from '../../problem';
import { header, MAX_JSON_BODY_BYTES, parseJsonText, rawBody, unsafeTextErrors } from '../../request';
import { postActor } from './post-actor';
import { presentPost } from './post-records';

const MAX_ROWS = MAX_BULK_ROWS;
type Row = z.infer<typeof bulkScheduleRow>;

/** CSV columns (header row required): content, accounts, at | local_time + time_zone, title, media_ids, first_comment. */
function rowsFromCsv(text: string): { rows: unknown[]; lineOf: (index: number) => number } {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (names: string[]) => names.map((n) => n.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    throw new HttpProblem(
      400,
      'validation_failed',
      `The CSV file cannot be read: ${(error as Error).message}`,
    );
  }
  const list = (value: string | undefined) => (value ? value.split(/[\s;|,]+/).filter(Boolean) : undefined);
  const blank = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
  const rows = records.map((r) => {
    const row: Record<string, unknown> = {
      content: r.content ?? '',
      title: blank(r.title),
      socialAccountIds: list(r.accounts ?? r.account_ids) ?? [],
      mediaIds: list(r.media_ids),
      firstComment: blank(r.first_comment),
      at: blank(r.at),
      localTime: blank(r.local_time),
      timeZone: blank(r.time_zone),
    };
    return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
  });
  // Row 1 is the header, so data row i is on line i + 2 (multi-line cells aside).
  return { rows, lineOf: (index) => index + 2 };
}

function rowsFromJson(text: string): unknown[] {
  const parsed = parseJsonText(text);
  const rows = Array.isArray(parsed) ? parsed : (parsed as { posts?: unknown })?.posts;
  if (!Array.isArray(rows))
    throw new HttpProblem(400, 'validation_failed', 'Send a JSON array of posts (or `{ "posts": [...] }`).');
  return rows;
}

/**
 * Schedules many posts at once from JSON or a CSV upload. Every row is checked (shape,
 * accounts, media, time, each network's rules) before anything counts: one bad row refuses
 * the whole file with row-numbered errors and nothing is written.
 */
export const bulkSchedulePosts: Operation<'bulkSchedulePosts'> = async (
  _input,
  { container, event, auth },
) => {
  const text = rawBody(event);
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES)
    throw new HttpProblem(413, 'payload_too_large', `Bodies are limited to ${MAX_JSON_BODY_BYTES} bytes.`);
  const contentType = header(event, 'content-type') ?? '';
  let raw: unknown[];
  let label = (index: number) => `rows.${index + 1}`;
  if (/^text\/csv\b/i.test(contentType)) {
    const csv = rowsFromCsv(text);
    raw = csv.rows;
    label = (index) => `rows.${index + 1} (line ${csv.lineOf(index)})`;
  } else if (/^application\/json\b/i.test(contentType)) {
    raw = rowsFromJson(text);
  } else {
    throw new HttpProblem(
      415,
      'unsupported_media_type',
      'Send application/json (an array of posts) or text/csv.',
    );
  }
  if (raw.length === 0 || raw.length > MAX_ROWS) {
    throw new HttpProblem(400, 'validation_failed', `Send between 1 and ${MAX_ROWS} posts.`);
  }
  const errors: FieldError[] = [];
  const rows: Row[] = [];
  raw.forEach((value, index) => {
    const textErrors = unsafeTextErrors(value, label(index));
    if (textErrors.length > 0) return void errors.push(...textErrors);
    const result = bulkScheduleRow.safeParse(value);
    if (result.success) rows.push(result.data);
    else
      errors.push(
        ...result.error.issues.map((i) => ({
          field: [label(index), ...i.path.map(String)].join('.'),
          message: i.message,
        })),
      );
  });
  if (errors.length > 0)
    throw new HttpProblem(400, 'validation_failed', 'Some rows are invalid; nothing was scheduled.', {
      errors,
    });

  const actor = postActor(event, auth);
  const { posts, effects } = await withTenant(container.db, actor.organizationId, (tx) =>
    bulkSchedule(tx, postPortsOf(container), actor, rows, label),
  );
  await applyPostEffects(container, effects);
  return { status: 201, body: { posts: posts.map(presentPost) } };
};
