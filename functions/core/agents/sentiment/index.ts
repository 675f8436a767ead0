export {
  scoreSentiment,
  labelOf,
  LABEL_THRESHOLD,
  type SentimentScore,
  type SentimentOptions,
} from './score-sentiment';
export { CONFIDENCE_BY_EVIDENCE } from './confidence';
export { readSocialText } from './social-text';
export { sentimentScoreSchema } from './result';
