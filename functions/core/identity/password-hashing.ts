import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

/**
 * Argon2id at OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane). hash-wasm runs it
 * as WebAssembly, so it bundles into a Lambda with esbuild alone: no native module, no Docker.
 */
export const ARGON2_PARAMS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

export async function hashPassword(password: string): Promise<string> {
  return argon2id({ password, salt: randomBytes(16), ...ARGON2_PARAMS, outputType: 'encoded' });
}

export async function verifyPassword(password: string, encodedHash: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash: encodedHash });
  } catch {
    return false;
  }
}

/** True when a stored hash was made with weaker parameters than today's; rehash at next login. */
export function needsRehash(encodedHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(encodedHash);
  if (!match) return true;
  const [, m, t, p] = match.map(Number);
  return m! < ARGON2_PARAMS.memorySize || t! < ARGON2_PARAMS.iterations || p! !== ARGON2_PARAMS.parallelism;
}

/**
 * A hash of a random password, verified when the account does not exist, so a login for an
 * unknown email takes as long as one for a known email (no enumeration through timing).
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}
