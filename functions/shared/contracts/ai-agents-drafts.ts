import * as z from 'zod';
import { uuidParam } from './common';
import { post } from './posts';

/** Keeping a content task's drafts as posts, each awaiting a person's approval. */
export const agentDraftsContracts = {
  saveAgentTaskDrafts: {
    params: uuidParam,
    body: z
      .object({
        drafts: z
          .array(
            z
              .object({
                index: z
                  .number()
                  .int()
                  .min(0)
                  .max(99)
                  .describe("The draft's place in the task output's `drafts`"),
                socialAccountIds: z
                  .array(z.uuid())
                  .min(1)
                  .max(25)
                  .refine((ids) => new Set(ids).size === ids.length, 'Each account may appear once')
                  .describe("Accounts of the draft's network"),
              })
              .strict(),
          )
          .min(1)
          .max(20),
      })
      .strict()
      // Optional only so that an unknown task answers 404 before the body is judged.
      .optional()
      .meta({ id: 'SaveAgentDraftsRequest' }),
    response: z
      .object({ posts: z.array(post).describe('New posts, each `in_review` (an agent wrote it)') })
      .meta({ id: 'SavedAgentDrafts' }),
    successStatus: 201,
    errors: {
      400: "A draft index the task did not write, or an account that is not the organization's or not of the draft's network",
      404: 'No such task in this organization.',
      409: 'The task has not finished, or is not a content task',
    },
  },
} as const;
