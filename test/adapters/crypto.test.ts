import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KmsEnvelopeCrypto } from '../../functions/adapters/aws/kms-envelope-crypto';
import { LocalKeyCrypto } from '../../functions/adapters/local/local-key-crypto';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import { describeCryptoContract } from './contracts/crypto-contract';
import { fakeKms } from './support/fake-kms';

const KEY_ID = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describeCryptoContract('LocalKeyCrypto', () => new LocalKeyCrypto(randomBytes(32)));
describeCryptoContract(
  'KmsEnvelopeCrypto',
  () => new KmsEnvelopeCrypto(fakeKms().client, KEY_ID, new ManualClock()),
);

describe('KmsEnvelopeCrypto and KMS', () => {
  const context = { organizationId: 'org-1' };

  it('asks KMS for an AES-256 data key under the encryption context and stores it wrapped', async () => {
    const { client, mock } = fakeKms();
    const crypto = new KmsEnvelopeCrypto(client, KEY_ID, new ManualClock());
    const sealed = await crypto.encrypt('token', context);
    expect(mock.commandCalls(GenerateDataKeyCommand).map((call) => call.args[0].input)).toEqual([
      { KeyId: KEY_ID, KeySpec: 'AES_256', EncryptionContext: context },
    ]);
    const wrapped = (await mock.commandCalls(GenerateDataKeyCommand)[0]?.returnValue)?.CiphertextBlob;
    expect(sealed.split('.')[1]).toBe(Buffer.from(wrapped ?? []).toString('base64url'));
  });

  it('unwraps with Decrypt, passing the key id and the same context', async () => {
    const { client, mock } = fakeKms();
    const sealed = await new KmsEnvelopeCrypto(client, KEY_ID, new ManualClock()).encrypt('token', context);
    // A fresh instance (another Lambda) has no cached key and must call KMS.
    const other = new KmsEnvelopeCrypto(client, KEY_ID, new ManualClock());
    expect(await other.decrypt(sealed, context)).toBe('token');
    const [call] = mock.commandCalls(DecryptCommand);
    expect(call?.args[0].input).toEqual({
      KeyId: KEY_ID,
      CiphertextBlob: Buffer.from(sealed.split('.')[1] ?? '', 'base64url'),
      EncryptionContext: context,
    });
  });

  it('reuses a data key per context for at most 1000 messages and 5 minutes', async () => {
    const { client, mock } = fakeKms();
    const clock = new ManualClock();
    const crypto = new KmsEnvelopeCrypto(client, KEY_ID, clock);
    const generated = (): number => mock.commandCalls(GenerateDataKeyCommand).length;
    for (let i = 0; i < 1000; i += 1) await crypto.encrypt(`m${i}`, context);
    expect(generated()).toBe(1);
    await crypto.encrypt('1001st', context);
    expect(generated()).toBe(2);
    await crypto.encrypt('other tenant', { organizationId: 'org-2' });
    expect(generated()).toBe(3);
    clock.advance(5 * 60_000 - 1);
    await crypto.encrypt('still cached', context);
    expect(generated()).toBe(3);
    clock.advance(1);
    await crypto.encrypt('expired', context);
    expect(generated()).toBe(4);
  });

  it('caches unwrapped keys too, but still refuses a wrong context', async () => {
    const { client, mock } = fakeKms();
    const crypto = new KmsEnvelopeCrypto(client, KEY_ID, new ManualClock());
    const reader = new KmsEnvelopeCrypto(client, KEY_ID, new ManualClock());
    const sealed = await crypto.encrypt('a', context);
    await reader.decrypt(sealed, context);
    await reader.decrypt(sealed, context);
    expect(mock.commandCalls(DecryptCommand)).toHaveLength(1);
    await expect(reader.decrypt(sealed, { organizationId: 'org-2' })).rejects.toThrow();
  });

  it('does not cache a failed KMS call', async () => {
    const { client, mock } = fakeKms();
    mock
      .on(GenerateDataKeyCommand)
      .rejectsOnce(new Error('throttled'))
      .callsFake(() => ({
        Plaintext: new Uint8Array(randomBytes(32)),
        CiphertextBlob: new Uint8Array(randomBytes(40)),
      }));
    const crypto = new KmsEnvelopeCrypto(client, KEY_ID, new ManualClock());
    await expect(crypto.encrypt('x', context)).rejects.toThrow('throttled');
    await expect(crypto.encrypt('x', context)).resolves.toMatch(/^v1\./);
  });

  it('tells local and KMS ciphertexts apart', async () => {
    const local = new LocalKeyCrypto(randomBytes(32));
    const kms = new KmsEnvelopeCrypto(fakeKms().client, KEY_ID, new ManualClock());
    const fromLocal = await local.encrypt('x', context);
    expect(fromLocal.split('.')[1]).toBe('local');
    await expect(kms.decrypt(fromLocal, context)).rejects.toThrow(/local key/);
    await expect(local.decrypt(await kms.encrypt('x', context), context)).rejects.toThrow(/AWS KMS/);
  });
});
