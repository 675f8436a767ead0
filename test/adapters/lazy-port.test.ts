import { describe, expect, it } from 'vitest';
import { createAwsContainer } from '../../functions/adapters/aws';
import { AnthropicLlm } from '../../functions/adapters/aws/anthropic-llm';
import { BedrockLlm } from '../../functions/adapters/aws/bedrock-llm';
import { KmsEnvelopeCrypto } from '../../functions/adapters/aws/kms-envelope-crypto';
import { lazyPort, loadedAdapter } from '../../functions/adapters/aws/lazy-port';
import { S3MediaStore } from '../../functions/adapters/aws/s3-media-store';
import { SesMailer } from '../../functions/adapters/aws/ses-mailer';
import { StripeBilling } from '../../functions/adapters/aws/stripe-billing';
import { loadEnv } from '../../functions/config/env';

interface Counter {
  readonly name: string;
  add(by: number, note?: string): Promise<{ total: number; note?: string }>;
  fail(message: string): Promise<never>;
}

/** A stateful adapter: delegation must keep `this` and the state between calls. */
class MemoryCounter implements Counter {
  readonly name = 'loaded';
  private total = 0;
  async add(by: number, note?: string): Promise<{ total: number; note?: string }> {
    this.total += by;
    return { total: this.total, ...(note === undefined ? {} : { note }) };
  }
  async fail(message: string): Promise<never> {
    throw new Error(message);
  }
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('lazyPort', () => {
  it('does not load until a method is called, and exposes fixed members without loading', () => {
    let loads = 0;
    const port = lazyPort(
      async (): Promise<Counter> => {
        loads += 1;
        return new MemoryCounter();
      },
      ['add', 'fail'],
      { name: 'fixed' },
    );
    expect(loads).toBe(0);
    expect(port.name).toBe('fixed');
    expect(loads).toBe(0);
  });

  it('loads once when several first calls arrive together, then keeps the same adapter', async () => {
    let loads = 0;
    const gate = deferred<Counter>();
    const port = lazyPort(
      (): Promise<Counter> => {
        loads += 1;
        return gate.promise;
      },
      ['add', 'fail'],
      { name: 'fixed' },
    );
    const first = [port.add(1), port.add(2), port.add(3)];
    expect(loads).toBe(1);
    gate.resolve(new MemoryCounter());
    const totals = (await Promise.all(first)).map((r) => r.total).sort((a, b) => a - b);
    // All three reached the one adapter: its running total saw every call.
    expect(totals).toEqual([1, 3, 6]);
    expect(await port.add(4)).toEqual({ total: 10 });
    expect(loads).toBe(1);
  });

  it('delegates arguments and results, and passes the adapter’s own rejections through', async () => {
    const port = lazyPort(async (): Promise<Counter> => new MemoryCounter(), ['add', 'fail'], {
      name: 'fixed',
    });
    expect(await port.add(5, 'five')).toEqual({ total: 5, note: 'five' });
    expect(await port.add(2)).toEqual({ total: 7 });
    await expect(port.fail('adapter said no')).rejects.toThrow('adapter said no');
  });

  it('surfaces a failed load on the call (not at construction), and tries again on the next call', async () => {
    let loads = 0;
    const build = (): Counter =>
      lazyPort(
        async (): Promise<Counter> => {
          loads += 1;
          if (loads <= 2) throw new Error(`SDK failed to load (attempt ${loads})`);
          return new MemoryCounter();
        },
        ['add', 'fail'],
        { name: 'fixed' },
      );
    const port = build();
    expect(loads).toBe(0);
    // Concurrent calls share the one failing load and both see its error.
    const results = await Promise.allSettled([port.add(1), port.add(1)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(results.map((r) => (r as PromiseRejectedResult).reason.message)).toEqual([
      'SDK failed to load (attempt 1)',
      'SDK failed to load (attempt 1)',
    ]);
    await expect(port.add(1)).rejects.toThrow('SDK failed to load (attempt 2)');
    expect(await port.add(1)).toEqual({ total: 1 });
    expect(loads).toBe(3);
  });

  it('lets loadedAdapter reach the adapter behind a lazy port, and returns other ports unchanged', async () => {
    const adapter = new MemoryCounter();
    const port = lazyPort(async (): Promise<Counter> => adapter, ['add', 'fail'], { name: 'fixed' });
    expect(await loadedAdapter(port)).toBe(adapter);
    expect(await loadedAdapter(adapter)).toBe(adapter);
  });
});

describe('createAwsContainer lazy ports', () => {
  const env = {
    PLUME_RUNTIME: 'aws',
    AWS_REGION: 'us-east-1',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/helper_b',
    QUEUE_URLS: JSON.stringify({ publish: 'https://sqs.us-east-1.amazonaws.com/1/publish' }),
    KMS_KEY_ID: 'alias/plume',
  };

  it('knows the LLM provider before loading it and loads the configured adapter on use', async () => {
    const anthropic = await createAwsContainer(
      loadEnv({ ...env, ANTHROPIC_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:a' }),
    );
    expect(anthropic.llm.provider).toBe('anthropic');
    expect(await loadedAdapter(anthropic.llm)).toBeInstanceOf(AnthropicLlm);

    const bedrock = await createAwsContainer(loadEnv(env));
    expect(bedrock.llm.provider).toBe('bedrock');
    expect(await loadedAdapter(bedrock.llm)).toBeInstanceOf(BedrockLlm);
  });

  it('puts billing, mail, media and KMS behind lazy ports that load their AWS adapters', async () => {
    const container = await createAwsContainer(loadEnv(env));
    expect(container.billing).not.toBeInstanceOf(StripeBilling);
    expect(await loadedAdapter(container.billing)).toBeInstanceOf(StripeBilling);
    expect(await loadedAdapter(container.mailer)).toBeInstanceOf(SesMailer);
    expect(await loadedAdapter(container.media)).toBeInstanceOf(S3MediaStore);
    expect(await loadedAdapter(container.crypto)).toBeInstanceOf(KmsEnvelopeCrypto);
    // One adapter (and SDK client) per container: loading again returns the same instance.
    expect(await loadedAdapter(container.media)).toBe(await loadedAdapter(container.media));
  });

  it('still names the missing setting on the call when KMS is not configured', async () => {
    const { KMS_KEY_ID: _unused, ...withoutKms } = env;
    const container = await createAwsContainer(loadEnv(withoutKms));
    await expect(container.crypto.encrypt('x', {})).rejects.toThrow(/KMS_KEY_ID/);
  });
});
