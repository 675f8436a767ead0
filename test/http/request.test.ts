import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpProblem } from '../../functions/http/problem';
import { MAX_JSON_DEPTH } from '../../functions/shared/input-rules';
import { validateRequest } from '../../functions/http/request';
import { httpEvent } from '../support/api-gateway';

const contract = {
  params: z.object({ id: z.uuid() }),
  query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
  body: z.object({ title: z.string().min(1).max(10) }),
};

function problemOf(fn: () => unknown): HttpProblem {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error('expected an HttpProblem');
}

describe('validateRequest', () => {
  const id = '0b5f2d1e-8c43-4f0e-9a7c-2d7c1c3b9f10';
  const json = { 'content-type': 'application/json' };

  it('returns parsed params, query (with defaults) and body', () => {
    const input = validateRequest(
      httpEvent('PUT /api/x/{id}', { params: { id }, body: '{"title":"hi"}', headers: json }),
      contract,
    );
    expect(input).toEqual({ params: { id }, query: { limit: 20 }, body: { title: 'hi' } });
  });

  it('reports every invalid field at once, addressed by location', () => {
    const problem = problemOf(() =>
      validateRequest(
        httpEvent('PUT /api/x/{id}', {
          params: { id: 'nope' },
          query: { limit: '0' },
          body: '{"title":""}',
          headers: json,
        }),
        contract,
      ),
    );
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(['body.title', 'params.id', 'query.limit']);
  });

  it('refuses malformed JSON, a wrong content type and a huge body with distinct codes', () => {
    const event = (body: string, headers = json) =>
      httpEvent('PUT /api/x/{id}', { params: { id }, body, headers });
    expect(problemOf(() => validateRequest(event('{'), contract)).code).toBe('malformed_json');
    expect(
      problemOf(() => validateRequest(event('{}', { 'content-type': 'text/plain' }), contract)).status,
    ).toBe(415);
    expect(problemOf(() => validateRequest(event(`"${'x'.repeat(1_000_001)}"`), contract)).status).toBe(413);
  });

  it('refuses control characters and broken Unicode in values and keys, naming each field', () => {
    const problem = problemOf(() =>
      validateRequest(
        httpEvent('PUT /api/x/{id}', {
          params: { id },
          body: JSON.stringify({ title: 'a\u0000b', extra: { 'k\ud800': 1 } }),
          headers: json,
        }),
        { ...contract, body: z.object({ title: z.string(), extra: z.record(z.string(), z.unknown()) }) },
      ),
    );
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual([
      { field: 'body.title', message: expect.stringContaining('control character (U+0000)') },
      { field: 'body.extra.k\\ud800', message: expect.stringMatching(/^This key contains a broken Unicode/) },
    ]);
  });

  it('applies the text rule to the query string and path parameters, with or without a schema', () => {
    const withoutSchema = problemOf(() =>
      validateRequest(httpEvent('GET /api/x', { query: { q: 'a\u0000', ok: 'tab\t' } }), {}),
    );
    expect(withoutSchema.errors).toEqual([{ field: 'query.q', message: expect.stringContaining('U+0000') }]);
    const param = problemOf(() =>
      validateRequest(httpEvent('GET /api/x/{token}', { params: { token: 'x\u0007y' } }), {}),
    );
    expect(param.errors?.map((e) => e.field)).toEqual(['params.token']);
    expect(
      validateRequest(
        httpEvent('PUT /api/x/{id}', { params: { id }, body: '{"title":"é😀\\n"}', headers: json }),
        contract,
      ).body,
    ).toEqual({ title: 'é😀\n' });
  });

  it('refuses JSON nested deeper than the limit before parsing it, at any depth', () => {
    const nested = (depth: number) => `{"title":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    for (const depth of [MAX_JSON_DEPTH, 10_000, 400_000]) {
      const problem = problemOf(() =>
        validateRequest(
          httpEvent('PUT /api/x/{id}', { params: { id }, body: nested(depth), headers: json }),
          contract,
        ),
      );
      expect(problem.status).toBe(400);
      expect(problem.code).toBe('malformed_json');
      expect(problem.errors).toEqual([
        { field: 'body', message: `Nested more than ${MAX_JSON_DEPTH} levels deep` },
      ]);
    }
    // At the limit it is parsed and judged by the schema as usual.
    const atLimit = problemOf(() =>
      validateRequest(
        httpEvent('PUT /api/x/{id}', { params: { id }, body: nested(MAX_JSON_DEPTH - 1), headers: json }),
        contract,
      ),
    );
    expect(atLimit.code).toBe('validation_failed');
  });

  it('decodes base64 bodies as API Gateway sends them', () => {
    const event = httpEvent('PUT /api/x/{id}', { params: { id }, headers: json });
    event.body = Buffer.from('{"title":"b64"}').toString('base64');
    event.isBase64Encoded = true;
    expect(validateRequest(event, contract).body).toEqual({ title: 'b64' });
  });

  it('never throws anything but an HttpProblem on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.string()),
        fc.dictionary(fc.string(), fc.string()),
        fc.oneof(fc.string(), fc.json()),
        fc.constantFrom('application/json', 'text/plain', '', 'application/merge-patch+json'),
        (params, query, body, contentType) => {
          const event = httpEvent('PUT /api/x/{id}', {
            params,
            query,
            body,
            headers: { 'content-type': contentType },
          });
          try {
            validateRequest(event, contract);
          } catch (error) {
            expect(error).toBeInstanceOf(HttpProblem);
            expect((error as HttpProblem).status).toBeGreaterThanOrEqual(400);
            expect((error as HttpProblem).status).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
