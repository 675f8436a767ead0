import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { renderApiReference } from '../../functions/http/api-reference';
import { CONTRACTS } from '../../functions/shared/contracts';
import { SAFE_TEXT_PATTERN } from '../../functions/shared/input-rules';
import { buildOpenApiDocument } from '../../functions/http/openapi';
import { isRateLimited } from '../../functions/http/rate-limits';
import { ROUTES } from '../../functions/shared/route-table';
import { contractViolations } from '../support/openapi-contract';

type Response = { $ref?: string; description: string; content?: Record<string, { schema: unknown }> };
type Operation = {
  operationId: string;
  responses: Record<string, Response>;
  security?: unknown[];
  parameters: Array<{ name: string; in: string; schema: Record<string, unknown> }>;
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  'x-plume-status'?: string;
};

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument({ version: '9.9.9' });
  const paths = document.paths as Record<string, Record<string, Operation>>;
  const schemas = (document.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
  const operationOf = (name: string): Operation => {
    const route = ROUTES.find((r) => r.name === name)!;
    return paths[route.path]![route.method.toLowerCase()]!;
  };
  const statusesOf = (name: string) => Object.keys(operationOf(name).responses).map(Number);
  const shared = (document.components as { responses: Record<string, Response> }).responses;
  /** A response as documented, its shared component's when it refers to one. */
  const resolved = (response: Response): Response =>
    response.$ref ? shared[response.$ref.split('/').pop()!]! : response;

  it('is OpenAPI 3.1 and lists every route of the route table exactly once', () => {
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path} ${r.name}`).sort());
  });

  it('passes the OpenAPI 3.1 structural rules (Redocly), which do catch a broken document', async () => {
    const config = await createConfig({ extends: ['spec'] });
    const lint = async (value: unknown) =>
      (await lintFromString({ source: JSON.stringify(value), absoluteRef: '/openapi.json', config })).map(
        (p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`,
      );
    expect(await lint(document)).toEqual([]);
    const broken = structuredClone(document) as { paths: Record<string, Record<string, Operation>> };
    delete (broken.paths['/api/health']!.get!.responses['200'] as Partial<Response>).description;
    // Shared problem responses keep the document small: one per kind, not one per operation.
    expect(Object.keys(shared)).toEqual(expect.arrayContaining(['InvalidInput', 'NotFound', 'ServerError']));
    expect(await lint(broken)).not.toEqual([]);
  });

  it('declares path parameters and security per access policy', () => {
    const getPost = operationOf('getPost');
    expect(getPost.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path' }));
    const health = operationOf('getHealth');
    expect(health.security).toEqual([]);
    expect(health.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
    });
    expect(schemas.Health).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['status', 'version']),
    });
    expect(schemas.Problem).toMatchObject({ required: ['type', 'title', 'status', 'code'] });
  });

  it('generates the statuses the pipeline answers from each route', () => {
    for (const route of ROUTES) {
      const contract = CONTRACTS[route.name];
      const statuses = statusesOf(route.name);
      const label = `${route.name}: ${statuses.join(',')}`;
      expect(statuses.includes(401), label).toBe(route.access !== 'public' || !!contract?.errors?.[401]);
      expect(statuses.includes(501), label).toBe(!contract);
      expect(operationOf(route.name)['x-plume-status'], label).toBe(contract ? undefined : 'planned');
      if (!contract) continue;
      expect(statuses, label).toEqual(expect.arrayContaining([400, 500, 503]));
      if (route.access !== 'public') expect(statuses, label).toContain(403);
      if (route.path.includes('{')) expect(statuses, label).toContain(404);
      if (contract.body) expect(statuses, label).toEqual(expect.arrayContaining([413, 415]));
      expect(statuses.includes(429), label).toBe(isRateLimited(route) || !!contract.errors?.[429]);
    }
    // The domain errors each contract declares, e.g. the last admin and the plan limits.
    expect(statusesOf('updateMemberRole')).toContain(409);
    expect(statusesOf('completeMediaUpload')).toEqual(expect.arrayContaining([409, 422]));
    expect(statusesOf('schedulePost')).toEqual(expect.arrayContaining([409, 422]));
    expect(statusesOf('connectSocialAccount')).toEqual(expect.arrayContaining([201, 403, 409, 422, 503]));
  });

  it('answers every error as problem+json, except the JSON answers a contract declares', () => {
    for (const route of ROUTES) {
      for (const [status, response] of Object.entries(operationOf(route.name).responses)) {
        if (Number(status) < 400 || CONTRACTS[route.name]?.otherResponses?.[status]) continue;
        expect(Object.keys(resolved(response).content ?? {}), `${route.name} ${status}`).toEqual([
          'application/problem+json',
        ]);
      }
    }
  });

  it('documents the bulk schedule body: JSON rows or a CSV file', () => {
    const body = operationOf('bulkSchedulePosts').requestBody!;
    expect(Object.keys(body.content)).toEqual(['application/json', 'text/csv']);
    expect(JSON.stringify(body.content['application/json']!.schema)).toContain('BulkScheduleRow');
    expect(statusesOf('bulkSchedulePosts')).toEqual(expect.arrayContaining([201, 413, 415, 422]));
  });

  it('states the server’s own rules: zones, preference keys, instants, and the text rule', () => {
    const zone = (schemas.UpdateProfileRequest as { properties: Record<string, Record<string, unknown>> })
      .properties.timezone!;
    expect(zone.pattern).toBeDefined();
    const preferences = (
      schemas.UpdateNotificationSettingsRequest as { properties: Record<string, Record<string, unknown>> }
    ).properties.preferences!;
    expect(preferences.propertyNames).toMatchObject({ enum: expect.arrayContaining(['post.failed']) });
    const from = operationOf('listPosts').parameters.find((p) => p.name === 'from')!.schema;
    expect(from.pattern).toMatch(/^\^\(\?!0\)/);
    expect(from.allOf).toBeUndefined();
    const title = (schemas.CreatePostRequest as { properties: Record<string, { anyOf?: unknown[] }> })
      .properties.title!;
    expect(JSON.stringify(title)).toContain(JSON.stringify(SAFE_TEXT_PATTERN).slice(1, -1));
    // Responses are what the server stored, so they carry no input rule.
    expect(JSON.stringify(schemas.Post)).not.toContain(JSON.stringify(SAFE_TEXT_PATTERN).slice(1, -1));
  });

  it('checks responses against the document: undocumented statuses, wrong types and bad bodies fail', () => {
    const id = '0b5f2d1e-8c43-4f0e-9a7c-2d7c1c3b9f10';
    const ok = { method: 'GET', path: '/api/health', contentType: 'application/json' };
    const healthy = JSON.stringify({ status: 'ok', version: '1', time: 'now', database: { ok: true } });
    expect(contractViolations({ ...ok, status: 200, body: healthy })).toEqual([]);
    expect(contractViolations({ ...ok, status: 200, body: '{"status":"fine"}' })[0]).toMatch(
      /breaks its schema/,
    );
    expect(contractViolations({ ...ok, status: 418, body: healthy })[0]).toMatch(/does not list/);
    const problem = JSON.stringify({
      type: 'https://plume.dev/problems/not-found',
      title: 'x',
      status: 404,
      code: 'not_found',
    });
    expect(
      contractViolations({
        method: 'GET',
        path: `/api/posts/${id}`,
        status: 404,
        contentType: 'application/problem+json',
        body: problem,
      }),
    ).toEqual([]);
    expect(
      contractViolations({
        method: 'GET',
        path: `/api/posts/${id}`,
        status: 404,
        contentType: 'text/plain',
        body: 'nope',
      })[0],
    ).toMatch(/document says application\/problem\+json/);
    expect(
      contractViolations({
        method: 'DELETE',
        path: `/api/posts/${id}`,
        status: 204,
        contentType: undefined,
        body: 'x',
      })[0],
    ).toMatch(/body the document does not describe/);
  });

  it('renders a self-contained HTML reference with every operation and escapes text', () => {
    const html = renderApiReference(document);
    for (const route of ROUTES) expect(html).toContain(`id="${route.name}"`);
    // Shared problem responses are shown with what they mean, not as bare references.
    expect(html).toContain('Not found, or not visible to you (another organization)');
    expect(html).not.toContain('<td>undefined</td>');
    expect(html).not.toMatch(/<script/i);
    const hostile = renderApiReference({
      ...document,
      info: { title: '<img src=x>', version: '1', description: '' },
    });
    expect(hostile).toContain('&lt;img src=x&gt;');
  });
});
