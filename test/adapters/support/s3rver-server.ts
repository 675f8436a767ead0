import { S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/**
 * A real S3-compatible HTTP server (s3rver, objects on a temporary disk folder) on a loopback
 * port with one bucket, and an S3Client of the real SDK aimed at it (path-style addressing,
 * s3rver's built-in credentials). It speaks S3's REST protocol (ranges, 404s, 416s, metadata)
 * and the browser POST upload. What it does NOT check, seen in its source and in
 * media-store-s3rver.test.ts: SigV4 signatures (only the access key id), presigned URL
 * signatures, and a POST form's policy (its source lists `policy` as "unimplemented": no
 * size range, content type, key condition or expiry).
 */
export async function startS3rver(
  bucket: string,
): Promise<{ client: S3Client; endpoint: string; stop(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'plume-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    client,
    endpoint,
    stop: async () => {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
