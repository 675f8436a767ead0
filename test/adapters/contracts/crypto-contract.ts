import { describe, expect, it } from 'vitest';
import type { Crypto } from '../../../functions/core/ports';

/** The Crypto contract: round trip, context binding, tamper detection, the v1 format. */
export function describeCryptoContract(name: string, create: () => Promise<Crypto> | Crypto): void {
  describe(`Crypto contract: ${name}`, () => {
    const context = { organizationId: 'org-1', purpose: 'oauth-token' };

    it('round-trips text, including unicode and empty strings', async () => {
      const crypto = await create();
      for (const plaintext of ['access-token-123', 'Grüße, 世界 🚀', '']) {
        const sealed = await crypto.encrypt(plaintext, context);
        expect(sealed).not.toContain(plaintext || '\u0000');
        expect(await crypto.decrypt(sealed, context)).toBe(plaintext);
      }
    });

    it('writes the versioned five-part format and a fresh IV every time', async () => {
      const crypto = await create();
      const first = await crypto.encrypt('same', context);
      const second = await crypto.encrypt('same', context);
      expect(first.split('.')).toHaveLength(5);
      expect(first.startsWith('v1.')).toBe(true);
      expect(first).not.toBe(second);
    });

    it('does not care about the order of context keys', async () => {
      const crypto = await create();
      const sealed = await crypto.encrypt('secret', { a: '1', b: '2' });
      expect(await crypto.decrypt(sealed, { b: '2', a: '1' })).toBe('secret');
    });

    it('refuses a different context (another tenant’s row)', async () => {
      const crypto = await create();
      const sealed = await crypto.encrypt('secret', context);
      await expect(crypto.decrypt(sealed, { ...context, organizationId: 'org-2' })).rejects.toThrow();
      await expect(crypto.decrypt(sealed, { organizationId: 'org-1' })).rejects.toThrow();
      await expect(crypto.decrypt(sealed, { ...context, extra: 'x' })).rejects.toThrow();
    });

    it('refuses any tampered part', async () => {
      const crypto = await create();
      const sealed = await crypto.encrypt('a longer secret value', context);
      const parts = sealed.split('.');
      for (const index of [2, 3, 4]) {
        const tampered = [...parts];
        const bytes = Buffer.from(tampered[index] ?? '', 'base64url');
        bytes[0] = (bytes[0] ?? 0) ^ 0x01;
        tampered[index] = bytes.toString('base64url');
        await expect(crypto.decrypt(tampered.join('.'), context)).rejects.toThrow();
      }
      await expect(crypto.decrypt(`v2.${parts.slice(1).join('.')}`, context)).rejects.toThrow();
      await expect(crypto.decrypt(parts.slice(0, 4).join('.'), context)).rejects.toThrow();
      await expect(crypto.decrypt('not a ciphertext', context)).rejects.toThrow();
    });
  });
}
