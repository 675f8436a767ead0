import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import type { ReportContent } from '../../../../functions/core/analytics/reports/report-content';
import { renderReportCsv } from '../../../../functions/core/analytics/reports/render-csv';
import { renderReportPdf } from '../../../../functions/core/analytics/reports/render-pdf';

/** A 1x1 PNG, as a post's first attachment would be. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const CONTENT: ReportContent = {
  name: 'June at the bakery',
  current: { from: '2033-06-01', to: '2033-06-03' },
  previous: { from: '2033-05-29', to: '2033-05-31' },
  timeZone: 'Europe/Paris',
  kpis: [
    { key: 'posts', label: 'Posts', current: 4, previous: 2, change: 100 },
    { key: 'impressions', label: 'Impressions', current: 12345, previous: 10000, change: 23.45 },
    {
      key: 'reach',
      label: 'Reach',
      current: null,
      previous: null,
      change: null,
      reason: 'Mastodon does not report reach.',
    },
    { key: 'engagement', label: 'Engagement', current: 321, previous: 400, change: -19.75 },
  ],
  daily: [
    { day: '2033-06-01', posts: 2, engagement: 300 },
    { day: '2033-06-02', posts: 0, engagement: null },
    { day: '2033-06-03', posts: 2, engagement: 21 },
  ],
  topPosts: [
    {
      text: '=SUM(A1) Sourdough Saturday',
      platform: 'mastodon',
      accountName: 'Bakery',
      publishedAt: new Date('2033-06-01T08:00:00Z'),
      url: null,
      engagement: 300,
      impressions: 9000,
      engagementRate: 3.33,
      thumbnail: new Uint8Array(PNG),
    },
  ],
  networks: [{ platform: 'mastodon', posts: 4, impressions: 12345, engagement: 321, engagementRate: 2.6 }],
  asOf: new Date('2033-06-04T06:00:00Z'),
  sources: ['mastodon statuses'],
};

describe('report rendering', () => {
  it('writes a real PDF whose text carries the KPIs, their comparison and the reasons for missing ones', async () => {
    const pdf = await renderReportPdf(CONTENT, new Date('2033-06-04T07:00:00Z'));
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: pdf });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain('June at the bakery');
    expect(text).toContain('2033-06-01 to 2033-06-03 (Europe/Paris), compared with 2033-05-29 to 2033-05-31');
    expect(text).toContain('12,345');
    expect(text).toContain('Previous 10,000 (+23.45%)');
    expect(text).toContain('Previous 400 (-19.75%)');
    // Reach is not given: "n/a" with the network's reason, never 0.
    expect(text).toContain('n/a');
    expect(text).toContain('Mastodon does not report reach.');
    expect(text).toContain('Sourdough Saturday');
    expect(text).toContain('Engagement by day');
  });

  it('writes the same figures as a long-form CSV, empty where the network gives none, formulas escaped', () => {
    const rows = parse(Buffer.from(renderReportCsv(CONTENT)).toString('utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows.find((r) => r.section === 'kpi' && r.metric === 'impressions')).toMatchObject({
      value: '12345',
      previous: '10000',
      change: '23.45',
    });
    expect(rows.find((r) => r.section === 'kpi' && r.metric === 'reach')).toMatchObject({
      value: '',
      previous: '',
    });
    expect(
      rows.find((r) => r.section === 'daily' && r.item === '2033-06-02' && r.metric === 'engagement')!.value,
    ).toBe('');
    expect(rows.find((r) => r.section === 'top_post')!.item).toBe('1. =SUM(A1) Sourdough Saturday');
  });
});
