/**
 * Deterministic randomness for the engagement model: the same post id always gives the same
 * draws, on the server and in the browser (no node:crypto), so metrics never jump between
 * fetches and tests can assert exact values.
 */

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain, bryc). */
export function hashString(value: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < value.length; i += 1) {
    const ch = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A stream of uniform numbers in (0, 1) (mulberry32, seeded from the hash of `key`). */
export function seededUniforms(key: string): () => number {
  let state = hashString(key) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    // Never exactly 0, so logarithms below stay finite.
    return u === 0 ? 1 / 4294967296 : u;
  };
}

/** A standard normal draw per call (Box-Muller over the seeded uniforms). */
export function seededNormals(key: string): () => number {
  const uniform = seededUniforms(key);
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A log-normal factor with mean 1: exp(sigma * z - sigma^2 / 2). */
export function meanOneLogNormal(z: number, sigma: number): number {
  return Math.exp(sigma * z - (sigma * sigma) / 2);
}
