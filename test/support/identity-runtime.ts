import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, readOutbox } from '../../functions/adapters/local';
import { startLocalRuntime, type LocalRuntime } from '../../functions/local/runtime';
import { TestClient } from './http-client';
import { ContractRecorder } from './openapi-contract';

export const STRONG_PASSWORD = 'correct horse battery staple 42!';

/**
 * A local runtime with a manual clock for identity tests, plus helpers to sign people up.
 * `databaseUrl` gives the runtime a database of its own instead of the shared DATABASE_URL.
 */
export async function startIdentityRuntime(start = new Date(), options: { databaseUrl?: string } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'plume-identity-'));
  const clock = new ManualClock(start);
  // Every answer, whoever asked (the test client, raw fetch, a browser), against the document.
  const contract = new ContractRecorder();
  const runtime: LocalRuntime = await startLocalRuntime({
    onApiResponse: contract.onApiResponse,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clock,
    databaseUrl: options.databaseUrl ?? process.env.DATABASE_URL,
    webDist: join(dataDir, 'no-web'),
  });

  /** The newest link of this kind mailed to this address, e.g. `/verify-email?token=`. */
  async function mailedToken(email: string, pathPrefix: string): Promise<string> {
    // Mail is sent by the background job after the request has answered.
    await runtime.queue.drained();
    const messages = await readOutbox(dataDir, email);
    for (const message of [...messages].reverse()) {
      const match = new RegExp(`${pathPrefix.replace(/[?]/g, '\\?')}([A-Za-z0-9_%-]+)`).exec(message.text);
      if (match) return decodeURIComponent(match[1] as string);
    }
    throw new Error(`No ${pathPrefix} link mailed to ${email}`);
  }

  async function signUp(overrides: Partial<Record<string, unknown>> = {}) {
    // Every sign-up comes from 127.0.0.1: step past the per-IP rate-limit window first.
    clock.advance(61_000);
    const client = new TestClient(runtime.url);
    const email = `person-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const response = await client.post<{
      accessToken: string;
      user: { id: string; organization: { id: string } };
    }>('/api/auth/register', {
      email,
      password: STRONG_PASSWORD,
      firstName: 'Ada',
      lastName: 'Lovelace',
      organizationName: 'Analytical Engines',
      acceptTerms: true,
      ...overrides,
    });
    if (response.status !== 201)
      throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
    client.accessToken = response.body.accessToken;
    return {
      client,
      email,
      userId: response.body.user.id,
      organizationId: response.body.user.organization.id,
    };
  }

  async function verify(email: string, client: TestClient) {
    const token = await mailedToken(email, '/verify-email?token=');
    const response = await client.post('/api/auth/verify-email', { token });
    if (response.status !== 200) throw new Error(`verify failed: ${response.status}`);
  }

  /** Admin invites `role`; the invitee accepts with a new account and gets its own client. */
  async function addMember(admin: TestClient, role: string) {
    const email = `member-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const invite = await admin.post('/api/organizations/members/invite', { email, role });
    if (invite.status !== 201)
      throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
    const token = await mailedToken(email, '/invitations/');
    const client = new TestClient(runtime.url);
    const accepted = await client.post<{ accessToken: string; user: { id: string } }>(
      '/api/invitations/accept',
      {
        token,
        password: STRONG_PASSWORD,
        firstName: 'Grace',
        lastName: 'Hopper',
        acceptTerms: true,
      },
    );
    if (accepted.status !== 200)
      throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    client.accessToken = accepted.body.accessToken;
    return { client, email, userId: accepted.body.user.id };
  }

  return {
    runtime,
    clock,
    dataDir,
    mailedToken,
    signUp,
    verify,
    addMember,
    contract,
    stop: async () => {
      await runtime.stop();
      await rm(dataDir, { recursive: true, force: true });
      contract.assertClean();
    },
  };
}
