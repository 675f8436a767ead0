/**
 * The networks' content rules, shared with the server (functions/shared/platforms/rules.ts):
 * the composer's counters and warnings are exactly what the API will say on save.
 */
export {
  PLATFORM_RULES,
  limitsForAccount,
  measureText,
  validateForPlatform,
} from '../../../functions/shared/platforms/rules';
export type {
  MediaItem,
  PlatformLimits,
  PlatformRules,
  PostDraft,
  ValidationIssue,
} from '../../../functions/shared/platforms/types';
