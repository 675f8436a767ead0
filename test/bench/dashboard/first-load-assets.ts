export type AssetKind = 'script' | 'modulepreload' | 'stylesheet';

export interface AssetReference {
  kind: AssetKind;
  /** As written in index.html, e.g. `/assets/index-3f2a.js`. */
  url: string;
}

export interface FirstLoadReferences {
  assets: AssetReference[];
  /** Bytes of `<script>` bodies written inline in the page. */
  inlineScriptBytes: number;
}

const TAG = /<(script|link)\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1];
    if (name) attributes.set(name.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/**
 * What the browser fetches before the dashboard can render: the entry module script, the
 * modules Vite asks it to preload and the stylesheets, read from Vite's index.html (its
 * output is regular, so tag-level parsing is enough). Lazy route chunks are not counted.
 */
export function firstLoadReferences(html: string): FirstLoadReferences {
  const assets: AssetReference[] = [];
  const seen = new Set<string>();
  const add = (kind: AssetKind, url: string | undefined): void => {
    if (!url || seen.has(url)) return;
    seen.add(url);
    assets.push({ kind, url });
  };
  for (const match of html.matchAll(TAG)) {
    const attributes = attributesOf(match[2] ?? '');
    if (match[1]?.toLowerCase() === 'script') {
      add('script', attributes.get('src'));
      continue;
    }
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('modulepreload')) add('modulepreload', attributes.get('href'));
    else if (rel.includes('stylesheet')) add('stylesheet', attributes.get('href'));
  }
  let inlineScriptBytes = 0;
  for (const match of html.matchAll(INLINE_SCRIPT))
    inlineScriptBytes += Buffer.byteLength((match[1] ?? '').trim());
  return { assets, inlineScriptBytes };
}
