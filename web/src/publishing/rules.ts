/**
 * The networks' content rules, shared with the server (functions/platforms/validation.ts):
 * the composer's counters and warnings are exactly what the API will say on save.
 */
export {
  PLATFORM_RULES,
  limitsForAccount,
  measureText,
  validateForPlatform,
  type PlatformRules,
} from '../../../functions/platforms/validation';
export type {
  MediaItem,
  PlatformLimits,
  PostDraft,
  ValidationIssue,
} from '../../../functions/platforms/connector';
