import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dirname, join, resolve, sep } from 'node:path';
import * as z from 'zod';
import type { Clock, MediaStore, PresignedUpload, StoredObject } from '../../core/ports';
import { s3StyleError, type LocalHttpRequest, type LocalHttpResponse } from './local-http';
import { parseMultipartForm } from './multipart-form';
import { constantTimeEqual, mac } from './signed-token';

export const LOCAL_UPLOAD_PATH = '/_local/media-upload';
export const LOCAL_DOWNLOAD_PREFIX = '/_local/media/';

const policySchema = z.object({
  key: z.string(),
  contentType: z.string(),
  maxBytes: z.number().int().positive(),
  /** Seconds since the epoch. */
  expiresAt: z.number().int(),
});
type UploadPolicy = z.infer<typeof policySchema>;

/** The only form fields the local policy covers; S3 refuses fields its policy does not name. */
const ALLOWED_FIELDS = new Set(['key', 'content-type', 'policy', 'x-plume-signature']);

const metadataSchema = z.object({ contentType: z.string() });

/**
 * Media on the local disk under `<dataDir>/media`, with the S3 presigned-POST contract:
 * `createUpload()` returns a form (`key`, `Content-Type`, `policy`, `x-plume-signature`)
 * that `handleLocalMediaUpload()` checks exactly as S3 checks its policy (signature, expiry,
 * key, content type, size range), and download links are signed and expire.
 */
export class FileMediaStore implements MediaStore {
  private readonly objectsDir: string;
  private readonly metadataDir: string;

  constructor(
    private readonly options: { dataDir: string; publicUrl: string; signingKey: Buffer; clock: Clock },
  ) {
    this.objectsDir = resolve(options.dataDir, 'media', 'objects');
    this.metadataDir = resolve(options.dataDir, 'media', 'metadata');
  }

  async createUpload(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<PresignedUpload> {
    this.objectPath(input.key); // rejects a bad key now rather than at upload time
    const expiresAtMs = this.options.clock.now().getTime() + input.expiresInSeconds * 1000;
    const policy: UploadPolicy = {
      key: input.key,
      contentType: input.contentType,
      maxBytes: input.maxBytes,
      expiresAt: Math.floor(expiresAtMs / 1000),
    };
    const encoded = Buffer.from(JSON.stringify(policy), 'utf8').toString('base64url');
    return {
      url: new URL(LOCAL_UPLOAD_PATH, this.options.publicUrl).toString(),
      fields: {
        key: input.key,
        'Content-Type': input.contentType,
        policy: encoded,
        'x-plume-signature': mac(`upload\n${encoded}`, this.options.signingKey),
      },
      key: input.key,
      expiresAt: new Date(policy.expiresAt * 1000),
    };
  }

  /** Receives the browser's multipart POST; 204 when stored, S3-style 400/403 otherwise. */
  async handleLocalMediaUpload(request: LocalHttpRequest): Promise<LocalHttpResponse> {
    let form;
    try {
      form = await parseMultipartForm(request.headers, request.body);
    } catch (error) {
      return s3StyleError(
        400,
        'MalformedPOSTRequest',
        `The body of your POST request is not well-formed multipart/form-data: ${String(error)}`,
      );
    }
    const { fields } = form;
    const encoded = fields.policy;
    const signature = fields['x-plume-signature'];
    if (!encoded || !signature) {
      return s3StyleError(403, 'AccessDenied', 'Bucket POST must contain a policy and a signature');
    }
    if (!constantTimeEqual(signature, mac(`upload\n${encoded}`, this.options.signingKey))) {
      return s3StyleError(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided',
      );
    }
    const parsed = policySchema.safeParse(safeJson(Buffer.from(encoded, 'base64url').toString('utf8')));
    if (!parsed.success) return s3StyleError(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
    const policy = parsed.data;
    if (Math.floor(this.options.clock.now().getTime() / 1000) >= policy.expiresAt) {
      return s3StyleError(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
    }
    const extra = Object.keys(fields).filter((name) => !ALLOWED_FIELDS.has(name));
    if (extra.length > 0) {
      return s3StyleError(
        403,
        'AccessDenied',
        `Invalid according to Policy: Extra input fields: ${extra.join(', ')}`,
      );
    }
    if (fields.key !== policy.key) {
      return s3StyleError(
        403,
        'AccessDenied',
        `Invalid according to Policy: Policy Condition failed: ["eq", "$key", "${policy.key}"]`,
      );
    }
    if (fields['content-type'] !== policy.contentType) {
      return s3StyleError(
        403,
        'AccessDenied',
        `Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", "${policy.contentType}"]`,
      );
    }
    if (!form.file) {
      return s3StyleError(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    }
    const size = form.file.content.length;
    if (size < 1)
      return s3StyleError(
        400,
        'EntityTooSmall',
        'Your proposed upload is smaller than the minimum allowed size',
      );
    if (size > policy.maxBytes) {
      return s3StyleError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    }
    await this.put(policy.key, form.file.content, policy.contentType);
    return { statusCode: 204, headers: {}, body: '' };
  }

  async getDownloadUrl(key: string, expiresInSeconds: number): Promise<string> {
    this.objectPath(key);
    const expires = Math.floor(this.options.clock.now().getTime() / 1000) + expiresInSeconds;
    const url = new URL(
      LOCAL_DOWNLOAD_PREFIX + key.split('/').map(encodeURIComponent).join('/'),
      this.options.publicUrl,
    );
    url.searchParams.set('expires', String(expires));
    url.searchParams.set('sig', this.downloadSignature(key, expires));
    return url.toString();
  }

  /** The object key when the download URL is genuine and unexpired, else undefined. */
  verifyLocalDownload(url: string | URL): string | undefined {
    const parsed = new URL(url, this.options.publicUrl);
    if (!parsed.pathname.startsWith(LOCAL_DOWNLOAD_PREFIX)) return undefined;
    let key: string;
    try {
      key = parsed.pathname.slice(LOCAL_DOWNLOAD_PREFIX.length).split('/').map(decodeURIComponent).join('/');
    } catch {
      return undefined;
    }
    const expires = Number(parsed.searchParams.get('expires'));
    const signature = parsed.searchParams.get('sig') ?? '';
    if (!Number.isInteger(expires) || !constantTimeEqual(signature, this.downloadSignature(key, expires)))
      return undefined;
    if (Math.floor(this.options.clock.now().getTime() / 1000) >= expires) return undefined;
    return key;
  }

  /** Serves a signed download URL: 200 with the object, 403 when forged or expired, 404 when gone. */
  async handleLocalMediaDownload(url: string | URL): Promise<LocalHttpResponse> {
    const key = this.verifyLocalDownload(url);
    if (!key) return s3StyleError(403, 'AccessDenied', 'Request has expired or the signature does not match');
    const [body, info] = await Promise.all([this.get(key), this.head(key)]);
    if (!body || !info) return s3StyleError(404, 'NoSuchKey', 'The specified key does not exist.');
    return {
      statusCode: 200,
      headers: {
        'content-type': info.contentType ?? 'application/octet-stream',
        'content-length': String(body.length),
        'cache-control': 'private, max-age=300',
        'x-content-type-options': 'nosniff',
      },
      body: Buffer.from(body),
    };
  }

  async put(key: string, body: Uint8Array | string, contentType: string): Promise<void> {
    const path = this.objectPath(key);
    const metadataPath = this.metadataPath(key);
    await mkdir(dirname(path), { recursive: true });
    await mkdir(dirname(metadataPath), { recursive: true });
    await writeFile(path, body);
    await writeFile(metadataPath, JSON.stringify({ contentType }));
  }

  async putStream(
    key: string,
    body: AsyncIterable<Uint8Array | string>,
    contentType: string,
  ): Promise<number> {
    const path = this.objectPath(key);
    const metadataPath = this.metadataPath(key);
    await mkdir(dirname(path), { recursive: true });
    await mkdir(dirname(metadataPath), { recursive: true });
    const file = createWriteStream(path);
    try {
      await pipeline(Readable.from(body), file);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    await writeFile(metadataPath, JSON.stringify({ contentType }));
    return file.bytesWritten;
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.objectPath(key)));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async getRange(key: string, start: number, end: number): Promise<Uint8Array | undefined> {
    let handle;
    try {
      handle = await open(this.objectPath(key), 'r');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    try {
      const buffer = Buffer.alloc(Math.max(0, end - start));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async head(key: string): Promise<StoredObject | undefined> {
    try {
      const info = await stat(this.objectPath(key));
      if (!info.isFile()) return undefined;
      const object: StoredObject = { key, size: info.size };
      const metadata = metadataSchema.safeParse(
        safeJson(await readFile(this.metadataPath(key), 'utf8').catch(() => '')),
      );
      if (metadata.success) object.contentType = metadata.data.contentType;
      return object;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.objectPath(key), { force: true });
    await rm(this.metadataPath(key), { force: true });
  }

  private downloadSignature(key: string, expires: number): string {
    return mac(`download\n${key}\n${expires}`, this.options.signingKey);
  }

  /** Maps a key to a file, refusing anything that could leave the media folder. */
  private objectPath(key: string): string {
    return within(this.objectsDir, key);
  }

  private metadataPath(key: string): string {
    return within(this.metadataDir, key) + '.json';
  }
}

function within(root: string, key: string): string {
  const segments = key.split('/');
  if (
    key.length === 0 ||
    key.length > 1024 ||
    key.includes('\\') ||
    key.includes('\0') ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    throw new Error(`Invalid media key: ${JSON.stringify(key)}`);
  }
  const path = join(root, ...segments);
  if (!path.startsWith(root + sep)) throw new Error(`Invalid media key: ${JSON.stringify(key)}`);
  return path;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
