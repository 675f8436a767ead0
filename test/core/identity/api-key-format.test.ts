import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newApiKey, parseApiKey } from '../../../functions/core/identity/api-key-format';

describe('API key format', () => {
  it('makes recognisable keys whose parse gives back the prefix and hash', () => {
    const { key, prefix, hash } = newApiKey();
    expect(key).toMatch(/^plm_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(key)).toEqual({ prefix, hash });
    expect(newApiKey().key).not.toBe(key);
  });

  it('rejects anything else without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(parseApiKey(text)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});
