import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const KEY_BYTES = 32;

/**
 * The local master key at `<dataDir>/local.key` (32 random bytes, base64), created 0600 on
 * first use. Every local secret that must survive restarts (data encryption, upload and
 * download signatures, checkout tokens) is derived from it, so one file is all there is to
 * protect or delete.
 */
export async function loadOrCreateLocalKey(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, 'local.key');
  await mkdir(dataDir, { recursive: true });
  try {
    // 'wx' fails when the file exists, so two processes starting together keep one key.
    await writeFile(path, randomBytes(KEY_BYTES).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${path} is not a ${KEY_BYTES}-byte base64 key`);
  return key;
}

/** A purpose-bound sub-key (HKDF-SHA256), so no two uses ever share key material. */
export function deriveKey(masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `plume:${purpose}`, KEY_BYTES));
}
