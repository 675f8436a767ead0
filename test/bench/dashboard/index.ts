import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Benchmark, BenchOptions, BenchResult } from '../benchmark';
import { formatBytes } from '../format';
import { REPO_ROOT } from '../paths';
import { firstLoadReferences, type AssetKind } from './first-load-assets';

interface MeasuredFile {
  kind: AssetKind | 'html';
  url: string;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

function measure(kind: MeasuredFile['kind'], url: string, content: Buffer): MeasuredFile {
  return {
    kind,
    url,
    bytes: content.length,
    gzipBytes: gzipSync(content).length,
    brotliBytes: brotliCompressSync(content).length,
  };
}

function total(files: MeasuredFile[]): Omit<MeasuredFile, 'kind' | 'url'> & { files: number } {
  return {
    files: files.length,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    brotliBytes: files.reduce((n, f) => n + f.brotliBytes, 0),
  };
}

const fileCount = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;

/** `/assets/x.js?v=1` -> `<webDist>/assets/x.js`; undefined for other origins. */
function fileOf(webDist: string, url: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//')) return undefined;
  return join(webDist, url.replace(/[?#].*$/, '').replace(/^\//, ''));
}

/** Row 3: the bytes a browser downloads before the dashboard's first render. */
export const dashboardFirstLoad: Benchmark = {
  name: 'dashboard',
  summary: 'Dashboard first-load JS and CSS (from web/dist/index.html)',
  async run(options: BenchOptions): Promise<BenchResult> {
    const indexFile = join(options.webDist, 'index.html');
    const inRepo = relative(REPO_ROOT, options.webDist);
    const shownDist = inRepo && !inRepo.startsWith('..') ? inRepo : options.webDist;
    if (!existsSync(indexFile)) {
      return {
        tables: [],
        notes: [`${shownDist}/index.html not found: run npm run build:web first (or pass --web-dist <dir>).`],
        findings: [],
        data: { skipped: 'web/dist missing', webDist: options.webDist },
      };
    }
    const html = await readFile(indexFile);
    const references = firstLoadReferences(html.toString('utf8'));
    const files: MeasuredFile[] = [measure('html', '/index.html', html)];
    const findings: string[] = [];
    for (const asset of references.assets) {
      const file = fileOf(options.webDist, asset.url);
      if (!file) {
        findings.push(`index.html loads ${asset.url} from another origin (not counted)`);
        continue;
      }
      if (!existsSync(file)) {
        findings.push(`index.html references ${asset.url}, which is not in ${shownDist}`);
        continue;
      }
      files.push(measure(asset.kind, asset.url, await readFile(file)));
    }

    const js = files.filter((f) => f.kind === 'script' || f.kind === 'modulepreload');
    const css = files.filter((f) => f.kind === 'stylesheet');
    const row = (label: string, count: string, t: Omit<MeasuredFile, 'kind' | 'url'>): string[] => [
      label,
      count,
      formatBytes(t.bytes),
      formatBytes(t.gzipBytes),
      formatBytes(t.brotliBytes),
    ];
    const totals = { js: total(js), css: total(css), all: total(files) };
    return {
      tables: [
        {
          title: `Dashboard first load (${shownDist}/index.html: entry script, modulepreloads, stylesheets)`,
          columns: ['asset', 'kind', 'bytes', 'gzip', 'brotli'],
          rows: [
            ...files.map((f) => row(f.url, f.kind, f)),
            row('JS total', fileCount(totals.js.files), totals.js),
            row('CSS total', fileCount(totals.css.files), totals.css),
            row('first load total', fileCount(totals.all.files), totals.all),
          ],
        },
      ],
      notes: [
        'Lazy route chunks are excluded: they load on navigation. Compressed sizes use zlib defaults (gzip 6, brotli 11); CloudFront compresses on the fly at its own levels.',
        ...(references.inlineScriptBytes > 0
          ? [`index.html also carries ${references.inlineScriptBytes} B of inline script.`]
          : []),
      ],
      findings,
      data: { webDist: options.webDist, files, totals, inlineScriptBytes: references.inlineScriptBytes },
    };
  },
};
