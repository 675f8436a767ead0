import {
  DecryptCommand,
  GenerateDataKeyCommand,
  InvalidCiphertextException,
  KMSClient,
} from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A KMSClient whose GenerateDataKey/Decrypt behave like KMS: the wrapped key only unwraps
 * with the same encryption context (bound here as AES-GCM AAD under a fake master key).
 * The mock also records every command so tests can assert the exact inputs.
 */
export function fakeKms() {
  const client = new KMSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  const master = randomBytes(32);
  const aad = (context: Record<string, string> | undefined): Buffer =>
    Buffer.from(JSON.stringify(Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))));
  const mock = mockClient(client);
  mock.on(GenerateDataKeyCommand).callsFake((input: GenerateDataKeyCommand['input']) => {
    const plaintext = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', master, iv);
    cipher.setAAD(aad(input.EncryptionContext));
    const wrapped = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return {
      Plaintext: new Uint8Array(plaintext),
      CiphertextBlob: new Uint8Array(wrapped),
      KeyId: input.KeyId,
    };
  });
  mock.on(DecryptCommand).callsFake((input: DecryptCommand['input']) => {
    const blob = Buffer.from(input.CiphertextBlob ?? new Uint8Array());
    try {
      const decipher = createDecipheriv('aes-256-gcm', master, blob.subarray(0, 12));
      decipher.setAAD(aad(input.EncryptionContext));
      decipher.setAuthTag(blob.subarray(blob.length - 16));
      const plaintext = Buffer.concat([
        decipher.update(blob.subarray(12, blob.length - 16)),
        decipher.final(),
      ]);
      return { Plaintext: new Uint8Array(plaintext), KeyId: input.KeyId };
    } catch {
      throw new InvalidCiphertextException({ message: 'InvalidCiphertextException', $metadata: {} });
    }
  });
  return { client, mock };
}
