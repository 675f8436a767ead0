import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';

/**
 * A real Bluesky PDS with its own PLC directory, in this process (@atproto/dev-env
 * `TestNetworkNoAppView`: SQLite in a temporary folder, nothing reached outside loopback).
 */
export interface RealPds {
  url: string;
  network: TestNetworkNoAppView;
  /** Reads the repository the way any client would, without Plume's code. */
  reader: AtpAgent;
  close(): Promise<void>;
}

export async function startRealPds(): Promise<RealPds> {
  const network = await TestNetworkNoAppView.create({});
  const url = network.pds.url;
  // dev-env leaves the PDS's SQLite files and blobs in os.tmpdir(); remove them after closing.
  const { db, blobstore } = network.pds.ctx.cfg;
  const folders = [dirname(db.accountDbLoc), ...(blobstore.provider === 'disk' ? [blobstore.location] : [])];
  return {
    url,
    network,
    reader: new AtpAgent({ service: url }),
    async close() {
      await network.close();
      await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
    },
  };
}

export interface TestAccount {
  did: string;
  handle: string;
  password: string;
  agent: AtpAgent;
}

/** Creates an account (invites are off in dev-env) and signs an agent in with its main password. */
export async function createAccount(pds: RealPds, name: string): Promise<TestAccount> {
  const agent = new AtpAgent({ service: pds.url });
  const handle = `${name}.test`;
  const password = `${name}-main-password`;
  await agent.createAccount({ handle, email: `${name}@example.com`, password });
  return { did: agent.session?.did ?? '', handle, password, agent };
}

/** A small file server playing Plume's media store (presigned S3 URLs in AWS). */
export async function startFileServer(): Promise<{
  add(name: string, type: string, bytes: Buffer): string;
  close(): Promise<void>;
}> {
  const files = new Map<string, { type: string; bytes: Buffer }>();
  const server: Server = createServer((request, response) => {
    const file = files.get(decodeURIComponent((request.url ?? '').replace(/^\/files\//, '')));
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': file.type, 'content-length': file.bytes.length })
      .end(file.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    add(name, type, bytes) {
      files.set(name, { type, bytes });
      return `${base}/files/${encodeURIComponent(name)}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A valid 1×1 PNG: the PDS inspects uploaded images. */
export const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
