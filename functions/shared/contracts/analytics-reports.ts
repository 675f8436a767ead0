import * as z from 'zod';
import { EXPORT_DATASETS } from '../analytics/export-columns';
import { PLATFORM_IDS } from '../platforms/catalog';
import { calendarDate, timeZone, timestamp, uuidParam } from './common';
import type { AreaContracts } from './contract';

export const REPORT_FORMATS = ['pdf', 'csv'] as const;
/** A file of a report (`pdf`, `csv`) or of an export kept as a report (`csv`, `json`). */
export const REPORT_FILE_FORMATS = ['pdf', 'csv', 'json'] as const;

const coverage = {
  accountIds: z.array(z.uuid()).max(100).optional().describe('Only these accounts (all when left out)'),
  platforms: z
    .array(z.enum(PLATFORM_IDS))
    .max(PLATFORM_IDS.length)
    .optional()
    .describe('Only these networks (all when left out)'),
  formats: z
    .array(z.enum(REPORT_FORMATS))
    .min(1)
    .max(2)
    .default(['pdf', 'csv'])
    .describe(
      'The files to render: `pdf` (KPIs, charts, top posts, networks) and/or `csv` (the same figures)',
    ),
};

export const report = z
  .object({
    id: z.uuid(),
    kind: z
      .enum(['report', 'export'])
      .describe(
        '`report`: KPIs, charts and top posts (PDF/CSV); `export`: the rows of `GET /api/analytics/export` as one file, made in the background',
      ),
    name: z.string(),
    status: z
      .enum(['pending', 'running', 'completed', 'failed'])
      .describe(
        '`pending` until the background job takes it, `completed` with its files, or `failed` with why',
      ),
    from: z.string().describe('First day covered (in `timeZone`)'),
    to: z.string().describe('Last day covered, inclusive'),
    timeZone: z.string(),
    accountIds: z.array(z.uuid()).nullable(),
    platforms: z.array(z.string()).nullable(),
    dataset: z
      .enum(EXPORT_DATASETS)
      .nullable()
      .describe('An export\'s dataset (see `GET /api/analytics/export`); null for a report'),
    formats: z.array(z.enum(REPORT_FILE_FORMATS)),
    files: z
      .array(
        z.object({
          format: z.enum(REPORT_FILE_FORMATS),
          bytes: z.number().int(),
          downloadPath: z
            .string()
            .describe('GET it (signed in) to be redirected to a link that works for 5 minutes'),
        }),
      )
      .describe('The rendered files, once completed'),
    scheduleId: z.uuid().nullable().describe('The schedule that made it; null when someone asked for it'),
    createdAt: timestamp,
    completedAt: timestamp.nullable(),
    expiresAt: timestamp
      .nullable()
      .describe(
        'When an export\'s file is deleted (7 days after it was made); null for a report, whose files are kept',
      ),
    errorMessage: z.string().nullable(),
  })
  .meta({ id: 'AnalyticsReport' });

const schedule = z
  .object({
    id: z.uuid(),
    name: z.string(),
    frequency: z.enum(['weekly', 'monthly']),
    timeZone: z.string(),
    recipientUserIds: z.array(z.uuid()),
    accountIds: z.array(z.uuid()).nullable(),
    platforms: z.array(z.string()).nullable(),
    formats: z.array(z.enum(REPORT_FORMATS)),
    nextRunAt: timestamp.describe(
      'When the next report is made: 06:00 on the Monday or the 1st, in `timeZone`',
    ),
    lastRunAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'ReportSchedule' });

const page = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export const analyticsReportContracts = {
  generateReport: {
    body: z
      .object({
        name: z.string().trim().min(1).max(255),
        from: calendarDate.describe('First day, in `timeZone`'),
        to: calendarDate.describe('Last day (inclusive); at most 730 days after `from`'),
        timeZone: timeZone,
        ...coverage,
      })
      .strict(),
    response: report,
    successStatus: 202,
    errors: { 400: 'The range runs backwards or spans more than 730 days.' },
  },
  listReports: {
    query: z.object(page).strict(),
    response: z
      .object({
        items: z.array(report),
        total: z.number().int(),
        page: z.number().int(),
        limit: z.number().int(),
      })
      .describe('Newest first')
      .meta({ id: 'AnalyticsReportList' }),
  },
  downloadReportFile: {
    params: uuidParam.extend({ format: z.enum(REPORT_FILE_FORMATS) }),
    successStatus: 302,
    errors: {
      404: 'No such report in this organization, it has no file of this format (yet), or the export\'s file has expired.',
    },
  },
  createReportSchedule: {
    body: z
      .object({
        name: z.string().trim().min(1).max(255),
        frequency: z
          .enum(['weekly', 'monthly'])
          .describe('Each report covers the week (Monday to Sunday) or month just ended'),
        timeZone: timeZone.describe('The zone whose weeks and months the schedule follows'),
        recipientUserIds: z
          .array(z.uuid())
          .min(1)
          .max(50)
          .describe(
            'Members of this organization who are told (in the app and, unless they turned it off, by email) when each report is ready',
          ),
        ...coverage,
      })
      .strict(),
    response: schedule,
    successStatus: 201,
    errors: { 400: 'A recipient is not a member of this organization.' },
  },
  listReportSchedules: {
    response: z.object({ items: z.array(schedule) }).meta({ id: 'ReportScheduleList' }),
  },
  deleteReportSchedule: {
    params: uuidParam,
    successStatus: 204,
    errors: { 404: 'No such schedule in this organization.' },
  },
} satisfies AreaContracts<'analytics'>;
