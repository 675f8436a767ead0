import type { Page } from 'playwright-core';

/**
 * Reading a chart's table alternative (web/src/charts/ChartTable.tsx): every chart in the
 * dashboard carries a visually hidden table of exactly what its SVG draws, captioned with the
 * chart's title, so a test reads the drawn numbers from it rather than from SVG geometry.
 */
function tableOf(page: Page, caption: string) {
  return page.locator('table', { has: page.locator('caption', { hasText: caption }) });
}

/** The cells of a chart's table alternative, by row header. */
export async function chartTable(page: Page, caption: string): Promise<Record<string, string[]>> {
  const table = tableOf(page, caption);
  await table.waitFor({ state: 'attached' });
  const rows = await table
    .locator('tbody tr')
    // Runs in the page; typed here without the DOM library the tests compile against.
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(
          (tr as unknown as { children: ArrayLike<{ textContent: string | null }> }).children,
          (cell) => cell.textContent ?? '',
        ),
      ),
    );
  return Object.fromEntries(rows.map(([head, ...cells]) => [head!, cells]));
}

/** The column headings of a chart's table alternative after the row-header column (the series, or the buckets). */
export async function chartColumns(page: Page, caption: string): Promise<string[]> {
  const table = tableOf(page, caption);
  await table.waitFor({ state: 'attached' });
  const headings = await table.locator('thead th').allTextContents();
  return headings.slice(1);
}
