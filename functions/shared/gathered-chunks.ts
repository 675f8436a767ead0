/** Characters gathered before a write: one socket write or upload chunk per ~64 KiB, not one per row. */
export const GATHERED_CHUNK_CHARS = 64 * 1024;

/** Joins many small text chunks (a row each) into fewer large ones, holding at most one. */
export async function* gatheredChunks(
  chunks: AsyncIterable<string>,
  size: number = GATHERED_CHUNK_CHARS,
): AsyncIterable<string> {
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= size) {
      yield pending;
      pending = '';
    }
  }
  if (pending) yield pending;
}
