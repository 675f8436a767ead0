import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpProblem } from '../../functions/http/problem';
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
