import PDFDocument from 'pdfkit';
import { DEFINITIONS } from '../../../shared/analytics/definitions';
import { platformProfile } from '../../../shared/platforms/catalog';
import type { ReportContent, ReportKpi } from './report-content';

const INK = '#0f172a';
const MUTED = '#64748b';
const ACCENT = '#4f46e5';
const GRID = '#e2e8f0';
const MARGIN = 48;
const PAGE_WIDTH = 595.28; // A4
const WIDTH = PAGE_WIDTH - 2 * MARGIN;

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
/** A figure as printed: the number, or "n/a" (never 0) where the network gives none. */
export const shown = (value: number | null): string => (value === null ? 'n/a' : count.format(value));
const changeText = (kpi: ReportKpi): string =>
  kpi.change === null ? 'no comparison' : `${kpi.change > 0 ? '+' : ''}${count.format(kpi.change)}%`;

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > 700) doc.addPage();
  doc
    .moveDown(1)
    .font('Helvetica-Bold')
    .fontSize(13)
    .fillColor(INK)
    .text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.4);
}

function kpiGrid(doc: PDFKit.PDFDocument, kpis: ReportKpi[]): void {
  const columns = 3;
  const boxWidth = (WIDTH - (columns - 1) * 10) / columns;
  const boxHeight = 62;
  const top = doc.y;
  kpis.forEach((kpi, index) => {
    const x = MARGIN + (index % columns) * (boxWidth + 10);
    const y = top + Math.floor(index / columns) * (boxHeight + 10);
    doc.roundedRect(x, y, boxWidth, boxHeight, 4).strokeColor(GRID).lineWidth(1).stroke();
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(kpi.label, x + 8, y + 7, { width: boxWidth - 16 });
    doc
      .font('Helvetica-Bold')
      .fontSize(16)
      .fillColor(INK)
      .text(shown(kpi.current), x + 8, y + 19, { width: boxWidth - 16 });
    const note =
      kpi.current === null
        ? (kpi.reason ?? 'Not available')
        : `Previous ${shown(kpi.previous)} (${changeText(kpi)})`;
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(MUTED)
      .text(note, x + 8, y + 40, { width: boxWidth - 16, height: 18, ellipsis: true });
  });
  doc.y = top + Math.ceil(kpis.length / columns) * (boxHeight + 10);
}

/** Engagement by day as bars, drawn with PDFKit's vector primitives. */
function dailyChart(doc: PDFKit.PDFDocument, daily: ReportContent['daily']): void {
  const height = 150;
  const top = doc.y + 4;
  const left = MARGIN + 36;
  const width = WIDTH - 36;
  const max = Math.max(1, ...daily.map((d) => d.engagement ?? 0));
  doc.lineWidth(0.5).strokeColor(GRID);
  for (const fraction of [0, 0.5, 1]) {
    const y = top + height - fraction * height;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(MUTED)
      .text(count.format(Math.round(max * fraction)), MARGIN, y - 4, { width: 32, align: 'right' });
  }
  const slot = width / Math.max(1, daily.length);
  daily.forEach((day, index) => {
    if (day.engagement === null || day.engagement <= 0) return;
    const barHeight = (day.engagement / max) * height;
    doc
      .rect(left + index * slot + slot * 0.15, top + height - barHeight, Math.max(0.5, slot * 0.7), barHeight)
      .fill(ACCENT);
  });
  const first = daily[0]?.day ?? '';
  const last = daily.at(-1)?.day ?? '';
  doc.font('Helvetica').fontSize(7).fillColor(MUTED);
  doc.text(first, left, top + height + 4, { width: 80 });
  doc.text(last, left + width - 80, top + height + 4, { width: 80, align: 'right' });
  doc.y = top + height + 18;
  const empty = daily.filter((d) => d.posts > 0 && d.engagement === null).length;
  if (empty > 0)
    doc.text(
      `${empty} day(s) had posts whose networks report no engagement yet: no bar, not a zero.`,
      MARGIN,
      doc.y,
      { width: WIDTH },
    );
}

function topPosts(doc: PDFKit.PDFDocument, rows: ReportContent['topPosts']): void {
  if (rows.length === 0) {
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(MUTED)
      .text('No post was published in this period.', MARGIN, doc.y);
    return;
  }
  for (const [index, row] of rows.entries()) {
    if (doc.y > 730) doc.addPage();
    const top = doc.y;
    let textLeft = MARGIN;
    if (row.thumbnail) {
      try {
        doc.image(Buffer.from(row.thumbnail), MARGIN, top, { fit: [44, 44] });
        textLeft = MARGIN + 52;
      } catch {
        // An image PDFKit cannot read is left out; the post still is listed.
      }
    }
    const width = WIDTH - (textLeft - MARGIN);
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .fillColor(INK)
      .text(`${index + 1}. ${row.text}`, textLeft, top, { width, height: 24, ellipsis: true });
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `${platformProfile(row.platform).name}${row.accountName ? ` · ${row.accountName}` : ''} · ${row.publishedAt.toISOString().slice(0, 10)} · engagement ${shown(row.engagement)} · impressions ${shown(row.impressions)} · rate ${row.engagementRate === null ? 'n/a' : `${count.format(row.engagementRate)}%`}`,
        textLeft,
        doc.y + 2,
        { width },
      );
    doc.y = Math.max(doc.y, top + (row.thumbnail ? 48 : 0)) + 8;
  }
}

function networks(doc: PDFKit.PDFDocument, rows: ReportContent['networks']): void {
  const columns = [
    { title: 'Network', width: 150 },
    { title: 'Posts', width: 70 },
    { title: 'Impressions', width: 90 },
    { title: 'Engagement', width: 90 },
    { title: 'Rate', width: 99 },
  ];
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = MARGIN;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor(INK);
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: columns[i]!.width - 6 });
      x += columns[i]!.width;
    });
    doc.y = y + 14;
  };
  row(
    columns.map((c) => c.title),
    true,
  );
  const max = Math.max(1, ...rows.map((r) => r.engagement ?? 0));
  for (const network of rows) {
    row(
      [
        platformProfile(network.platform).name,
        count.format(network.posts),
        shown(network.impressions),
        shown(network.engagement),
        network.engagementRate === null ? 'n/a' : `${count.format(network.engagementRate)}%`,
      ],
      false,
    );
    // A bar of its engagement against the largest network's, under its row.
    const barWidth = ((network.engagement ?? 0) / max) * (WIDTH - 10);
    if (barWidth > 0) doc.rect(MARGIN, doc.y - 3, barWidth, 3).fill(ACCENT);
    doc.y += 3;
  }
}

/**
 * The report as a PDF with PDFKit: its standard fonts (Helvetica, metrics bundled with the
 * library), vector charts, no browser. Kept in memory: a report is a few pages.
 */
export async function renderReportPdf(content: ReportContent, generatedAt: Date): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: content.name, Producer: 'Plume' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(content.name, MARGIN, MARGIN, { width: WIDTH });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      `${content.current.from} to ${content.current.to} (${content.timeZone}), compared with ${content.previous.from} to ${content.previous.to}. Generated ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; metrics as of ${content.asOf ? content.asOf.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'no sync yet'}.`,
      { width: WIDTH },
    );

  heading(doc, 'Key figures');
  kpiGrid(doc, content.kpis);
  heading(doc, 'Engagement by day');
  dailyChart(doc, content.daily);
  heading(doc, 'Top posts by engagement');
  topPosts(doc, content.topPosts);
  heading(doc, 'By network');
  networks(doc, content.networks);

  heading(doc, 'How these figures are made');
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(MUTED)
    .text(
      `${DEFINITIONS.engagement} ${DEFINITIONS.engagementRate} ${DEFINITIONS.total} "n/a" means the network does not give the figure; it is never counted as 0.`,
      { width: WIDTH },
    );
  if (content.sources.length > 0) doc.text(`Sources: ${content.sources.join('; ')}.`, { width: WIDTH });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
