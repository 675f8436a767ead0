/**
 * Cosine similarity of two vectors of the same length: 1 alike, 0 unrelated; 0 when either
 * is all zeros (a text with nothing in it is like nothing).
 */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length)
    throw new Error(`Vectors of ${a.length} and ${b.length} numbers cannot be compared`);
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa > 0 && bb > 0 ? dot / Math.sqrt(aa * bb) : 0;
}
