import {
  followersAt,
  sandboxPostUrl,
  sandboxProfileUrl,
  type SandboxEngagement,
} from '../../../platforms/sandbox';
import type { SandboxAccount, SandboxPostRecord } from '../../../platforms/sandbox/store';

/**
 * The Sandbox network's public feed, rendered on the server: one self-contained page with no
 * scripts, so it works offline and under a strict Content-Security-Policy. It refreshes itself
 * every 30 seconds so engagement visibly grows while a demo runs.
 */
export interface FeedEntry {
  post: SandboxPostRecord;
  metrics: SandboxEngagement;
  /** Replies and comments, shown under the post on its own page. */
  followUps: { post: SandboxPostRecord; metrics: SandboxEngagement }[];
}

export interface FeedPage {
  baseUrl: string;
  now: Date;
  entries: FeedEntry[];
  accounts: Map<string, SandboxAccount>;
  /** When the page shows one account or one post. */
  account?: SandboxAccount;
  single?: boolean;
  /** Link to the next (older) page, when there is one. */
  olderUrl?: string;
}

const escapeHtml = (value: unknown): string =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const number = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

function ago(from: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}

/** Escapes the text, then turns links, mentions and hashtags into links (only http(s) URLs). */
function richText(text: string, baseUrl: string): string {
  const pattern =
    /(https?:\/\/[^\s<>"]+)|(^|[^\p{L}\p{N}_@])@([a-z0-9][a-z0-9_.-]{0,29})|(#[\p{L}\p{N}_][\p{L}\p{N}_-]*)/giu;
  let html = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    html += escapeHtml(text.slice(last, index));
    const [whole, url, before, mention, tag] = match;
    if (url) html += `<a href="${escapeHtml(url)}" rel="nofollow noopener noreferrer">${escapeHtml(url)}</a>`;
    else if (mention) {
      const handle = mention.toLowerCase();
      html += `${escapeHtml(before ?? '')}<a href="${escapeHtml(sandboxProfileUrl(baseUrl, handle))}">@${escapeHtml(mention)}</a>`;
    } else if (tag) html += `<span class="tag">${escapeHtml(tag)}</span>`;
    else html += escapeHtml(whole);
    last = index + whole.length;
  }
  return html + escapeHtml(text.slice(last));
}

function mediaHtml(post: SandboxPostRecord): string {
  if (post.media.length === 0) return '';
  const items = post.media
    .filter((item) => /^https?:\/\//i.test(item.url))
    .map((item) =>
      item.kind === 'video'
        ? `<video controls preload="none" src="${escapeHtml(item.url)}"></video>`
        : `<img loading="lazy" src="${escapeHtml(item.url)}" alt="${escapeHtml(item.altText ?? '')}">`,
    )
    .join('');
  return `<div class="media media-${Math.min(post.media.length, 4)}">${items}</div>`;
}

function metricsHtml(metrics: SandboxEngagement): string {
  const cells: [string, number | undefined][] = [
    ['impressions', metrics.impressions],
    ['likes', metrics.likes],
    ['comments', metrics.comments],
    ['shares', metrics.shares],
    ['saves', metrics.saves],
    ['clicks', metrics.clicks],
    ['video views', metrics.videoViews],
  ];
  return `<dl class="metrics">${cells
    .filter(([, value]) => value !== undefined)
    .map(
      ([label, value]) =>
        `<div data-metric="${label.replace(' ', '-')}"><dt>${label}</dt><dd title="${value}">${number.format(value as number)}</dd></div>`,
    )
    .join('')}</dl>`;
}

function postHtml(
  page: FeedPage,
  post: SandboxPostRecord,
  metrics: SandboxEngagement,
  nested = false,
): string {
  const account = page.accounts.get(post.handle);
  const name = account?.displayName ?? post.handle;
  const label = post.kind === 'post' ? '' : `<span class="kind">${post.kind}</span>`;
  return `<article class="post${nested ? ' nested' : ''}" id="post-${escapeHtml(post.id)}" data-post-id="${escapeHtml(post.id)}">
  <div class="avatar" aria-hidden="true">${escapeHtml(name.charAt(0).toUpperCase())}</div>
  <div class="body">
    <header><a class="name" href="${escapeHtml(sandboxProfileUrl(page.baseUrl, post.handle))}">${escapeHtml(name)}</a>
    <span class="handle">@${escapeHtml(post.handle)}</span> ${label}
    <a class="time" href="${escapeHtml(sandboxPostUrl(page.baseUrl, post.id))}"><time datetime="${post.publishedAt.toISOString()}">${ago(post.publishedAt, page.now)}</time></a></header>
    <p class="text">${richText(post.text, page.baseUrl)}</p>
    ${mediaHtml(post)}
    ${metricsHtml(metrics)}
  </div>
</article>`;
}

function accountHeader(page: FeedPage, account: SandboxAccount): string {
  return `<section class="account">
  <h2>${escapeHtml(account.displayName)} <span class="handle">@${escapeHtml(account.handle)}</span></h2>
  <p><strong>${number.format(followersAt(account.followers, account.createdAt, page.now))}</strong> followers · audience in ${escapeHtml(account.timeZone)} · joined ${account.createdAt.toISOString().slice(0, 10)}</p>
</section>`;
}

export function renderFeedPage(page: FeedPage): string {
  const title = page.single ? 'Post' : page.account ? `@${page.account.handle}` : 'Feed';
  const posts = page.entries
    .map(
      (entry) =>
        postHtml(page, entry.post, entry.metrics) +
        entry.followUps.map((followUp) => postHtml(page, followUp.post, followUp.metrics, true)).join(''),
    )
    .join('\n');
  const empty = `<p class="empty">No posts yet. Connect a Sandbox account in Plume and publish something.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="30">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Sandbox network · Plume</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1c1e21; }
  main { max-width: 640px; margin: 0 auto; padding: 1rem; }
  .banner { background: #fff8e1; border: 1px solid #f0d98c; border-radius: 8px; padding: .6rem .9rem; font-size: 13px; }
  h1 { font-size: 1.3rem; margin: .5rem 0 1rem; } h1 a { color: inherit; text-decoration: none; }
  .account, .post { background: #fff; border: 1px solid #e3e5e8; border-radius: 10px; padding: .9rem; margin: .7rem 0; }
  .post { display: flex; gap: .75rem; } .post.nested { margin-left: 2.5rem; }
  .avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; background: #6d28d9; color: #fff; display: grid; place-items: center; font-weight: 600; }
  .body { flex: 1; min-width: 0; } .name { font-weight: 600; color: inherit; text-decoration: none; }
  .handle, .time, .kind { color: #65676b; font-size: 13px; } .time { float: right; }
  .kind { border: 1px solid #d0d3d8; border-radius: 4px; padding: 0 4px; }
  .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .3rem 0; } .tag { color: #6d28d9; }
  .media { display: grid; gap: 4px; grid-template-columns: repeat(2, 1fr); } .media-1 { grid-template-columns: 1fr; }
  .media img, .media video { width: 100%; border-radius: 8px; background: #eee; }
  .metrics { display: flex; flex-wrap: wrap; gap: .2rem 1rem; margin: .5rem 0 0; color: #65676b; font-size: 13px; }
  .metrics div { display: flex; gap: .3rem; } .metrics dd { margin: 0; color: #1c1e21; font-weight: 600; order: -1; }
  .older { display: block; text-align: center; margin: 1rem; } .empty { color: #65676b; text-align: center; padding: 2rem; }
</style>
</head>
<body>
<main>
<p class="banner">The <strong>Sandbox network</strong> is simulated, built into Plume for trying things out. Everything here is public; engagement comes from a model, not from people. This page refreshes every 30 seconds.</p>
<h1><a href="${escapeHtml(`${page.baseUrl}/api/sandbox/feed`)}">Sandbox network</a>${page.account || page.single ? ` · ${escapeHtml(title)}` : ''}</h1>
${page.account ? accountHeader(page, page.account) : ''}
${posts || empty}
${page.olderUrl ? `<a class="older" href="${escapeHtml(page.olderUrl)}">Older posts</a>` : ''}
</main>
</body>
</html>`;
}
