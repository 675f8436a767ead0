import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../export-format';
import type { ReportContent } from './report-content';

/**
 * The report's figures as one CSV in long form (`section, item, metric, value, previous,
 * change`), so a spreadsheet can filter any part: the KPIs with the previous period, each day,
 * each top post, each network. A figure the network does not give is an empty cell, never 0.
 * Same library and formula escaping as the export (export-format.ts).
 */
export function renderReportCsv(content: ReportContent): Uint8Array {
  type Cell = string | number | null;
  const rows: Cell[][] = [];
  for (const kpi of content.kpis)
    rows.push([
      'kpi',
      `${content.current.from}..${content.current.to}`,
      kpi.key,
      kpi.current,
      kpi.previous,
      kpi.change,
    ]);
  for (const day of content.daily) {
    rows.push(['daily', day.day, 'posts', day.posts, null, null]);
    rows.push(['daily', day.day, 'engagement', day.engagement, null, null]);
  }
  content.topPosts.forEach((post, index) => {
    const item = `${index + 1}. ${post.text}`;
    rows.push(['top_post', item, 'engagement', post.engagement, null, null]);
    rows.push(['top_post', item, 'impressions', post.impressions, null, null]);
    rows.push(['top_post', item, 'engagementRate', post.engagementRate, null, null]);
  });
  for (const network of content.networks) {
    rows.push(['network', network.platform, 'posts', network.posts, null, null]);
    rows.push(['network', network.platform, 'impressions', network.impressions, null, null]);
    rows.push(['network', network.platform, 'engagement', network.engagement, null, null]);
    rows.push(['network', network.platform, 'engagementRate', network.engagementRate, null, null]);
  }
  const text = stringify(rows, {
    header: true,
    columns: ['section', 'item', 'metric', 'value', 'previous', 'change'],
    cast: { string: (value) => neutraliseFormula(value) },
  });
  return new TextEncoder().encode(text);
}
