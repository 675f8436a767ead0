import { describe, expect, it } from 'vitest';
import { renderApiReference } from '../../functions/http/api-reference';
import { buildOpenApiDocument } from '../../functions/http/openapi';
import { ROUTES } from '../../functions/http/route-table';

type Operation = {
  operationId: string;
  responses: Record<string, unknown>;
  security?: unknown[];
  parameters: Array<{ name: string; in: string }>;
};

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument({ version: '9.9.9' });
  const paths = document.paths as Record<string, Record<string, Operation>>;

  it('is OpenAPI 3.1 and lists every route of the route table exactly once', () => {
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path} ${r.name}`).sort());
  });

  it('declares path parameters, problem responses and security per access policy', () => {
    const getPost = paths['/api/posts/{id}']?.get as Operation;
    expect(getPost.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path' }));
    expect(Object.keys(getPost.responses)).toEqual(expect.arrayContaining(['401', '403', '404']));
    const health = paths['/api/health']?.get as Operation;
    expect(health.security).toEqual([]);
    expect(health.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
    });
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    expect(schemas.Health).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['status', 'version']),
    });
    expect(schemas.Problem).toMatchObject({ required: ['type', 'title', 'status', 'code'] });
  });

  it('renders a self-contained HTML reference with every operation and escapes text', () => {
    const html = renderApiReference(document);
    for (const route of ROUTES) expect(html).toContain(`id="${route.name}"`);
    expect(html).not.toMatch(/<script/i);
    const hostile = renderApiReference({
      ...document,
      info: { title: '<img src=x>', version: '1', description: '' },
    });
    expect(hostile).toContain('&lt;img src=x&gt;');
  });
});
