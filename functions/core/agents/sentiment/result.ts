import * as z from 'zod';
import { SENTIMENT_LABELS } from '../../../db/schema/listening';

/** `scoreSentiment`'s answer, as the pipeline validates it before storing a mention's score. */
export const sentimentScoreSchema = z.object({
  score: z.number().min(-1).max(1),
  label: z.enum(SENTIMENT_LABELS),
  confidence: z.number().min(0).max(1),
  words: z.array(z.object({ word: z.string(), weight: z.number() })),
  supported: z.boolean(),
});
