import * as z from 'zod';

/** What Graph answers a create (container, publish, comment, photo, post) with: the new id. */
export const createdObject = z.object({ id: z.string().min(1) });

/** An error as text for logs and follow-up warnings. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
