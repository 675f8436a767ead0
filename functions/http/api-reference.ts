/**
 * A browsable API reference rendered on the server from the OpenAPI document: one
 * self-contained page with no scripts or third-party assets, so it works offline and under
 * a strict Content-Security-Policy.
 */
type JsonObject = Record<string, unknown>;

const escapeHtml = (value: unknown): string =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const METHOD_COLOURS: Record<string, string> = {
  get: '#0b7a53',
  post: '#1d4ed8',
  put: '#a16207',
  patch: '#7c3aed',
  delete: '#b91c1c',
};

function schemaBlock(schema: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`;
}

/** Each status with what it means: shared problem responses are looked up by their $ref. */
function responseRows(responses: JsonObject, shared: JsonObject): string {
  return Object.entries(responses)
    .map(([status, raw]) => {
      const ref = (raw as JsonObject).$ref;
      const response = (typeof ref === 'string' ? shared[ref.split('/').pop() ?? ''] : raw) as JsonObject;
      const types = Object.keys((response?.content as JsonObject | undefined) ?? {}).join(', ');
      return `<tr><td><code>${escapeHtml(status)}</code></td><td>${escapeHtml(response?.description ?? '')}</td><td>${escapeHtml(types)}</td></tr>`;
    })
    .join('');
}

function renderOperation(method: string, path: string, op: JsonObject, shared: JsonObject): string {
  const params = (op.parameters as JsonObject[] | undefined) ?? [];
  const body = (op.requestBody as JsonObject | undefined)?.content as JsonObject | undefined;
  const responses = (op.responses as JsonObject) ?? {};
  const rows = params
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${escapeHtml(
          (p.schema as JsonObject | undefined)?.type ?? '',
        )}</td><td>${escapeHtml(p.description ?? '')}</td></tr>`,
    )
    .join('');
  return `<article class="op" id="${escapeHtml(op.operationId)}">
  <h3><span class="method" style="background:${METHOD_COLOURS[method] ?? '#444'}">${method.toUpperCase()}</span>
  <code>${escapeHtml(path)}</code></h3>
  <p>${escapeHtml(op.summary)} <span class="access">access: ${escapeHtml(op['x-plume-access'])}</span>
  <span class="opid">operationId: ${escapeHtml(op.operationId)}</span></p>
  ${rows ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
  ${body ? `<details><summary>Request body</summary>${schemaBlock((body['application/json'] as JsonObject | undefined)?.schema)}</details>` : ''}
  <table><thead><tr><th>Status</th><th>When</th><th>Content</th></tr></thead><tbody>${responseRows(responses, shared)}</tbody></table>
  <details><summary>Response schemas</summary>${schemaBlock(responses)}</details>
</article>`;
}

export function renderApiReference(document: JsonObject): string {
  const info = document.info as JsonObject;
  const paths = document.paths as Record<string, JsonObject>;
  const shared = ((document.components as JsonObject | undefined)?.responses ?? {}) as JsonObject;
  const byTag = new Map<string, string[]>();
  const toc = new Map<string, string[]>();
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as JsonObject;
      const tag = ((op.tags as string[] | undefined) ?? ['other'])[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, op, shared)]);
      toc.set(tag, [
        ...(toc.get(tag) ?? []),
        `<li><a href="#${escapeHtml(op.operationId)}">${method.toUpperCase()} ${escapeHtml(path.replace('/api', ''))}</a></li>`,
      ]);
    }
  }
  const nav = [...toc.entries()]
    .map(([tag, items]) => `<h4>${escapeHtml(tag)}</h4><ul>${items.join('')}</ul>`)
    .join('');
  const sections = [...byTag.entries()]
    .map(
      ([tag, ops]) =>
        `<section><h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${ops.join('')}</section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)} reference</title>
<style>
body{margin:0;font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;color:#1f2937;display:flex}
nav{width:280px;height:100vh;overflow:auto;position:sticky;top:0;background:#f8fafc;border-right:1px solid #e5e7eb;padding:16px;box-sizing:border-box;font-size:13px}
nav ul{list-style:none;padding:0;margin:0 0 8px}nav a{color:#334155;text-decoration:none}nav a:hover{text-decoration:underline}
nav h4{margin:12px 0 4px;text-transform:capitalize}
main{flex:1;padding:24px 40px;max-width:1000px}
h2{text-transform:capitalize;border-bottom:1px solid #e5e7eb;padding-bottom:4px;margin-top:40px}
.op{border:1px solid #e5e7eb;border-radius:8px;padding:12px 16px;margin:12px 0}
.op h3{margin:0;font-size:15px}.method{color:#fff;border-radius:4px;padding:2px 6px;font-size:12px;margin-right:8px}
.access,.opid{font-size:12px;color:#64748b;margin-left:12px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #e5e7eb;padding:4px 8px;text-align:left}
pre{background:#0f172a;color:#e2e8f0;padding:12px;border-radius:6px;overflow:auto;font-size:12px}
@media (max-width:800px){body{display:block}nav{display:none}main{padding:16px}}
</style></head>
<body><nav aria-label="Operations"><strong>${escapeHtml(info.title)} ${escapeHtml(info.version)}</strong>
<p><a href="/api/openapi.json">openapi.json</a></p>${nav}</nav>
<main><h1>${escapeHtml(info.title)}</h1><p>${escapeHtml(info.description)}</p>${sections}</main></body></html>`;
}
