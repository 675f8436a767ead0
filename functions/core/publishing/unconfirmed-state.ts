/**
 * An `unconfirmed` target is in one of two states, told apart by its error code:
 * Plume will look the post up on the network itself, or a person must check the account.
 */
export const AWAITING_LOOKUP = 'awaiting_lookup';
export const NEEDS_PERSON = 'unknown_outcome';

/** Kept in `platform_data.lookup` while Plume looks for the post. */
export interface LookupState {
  /** When the interrupted attempt claimed the target: nothing it created is older. */
  claimedAt: string;
  /** The last moment the attempt could still have sent its request. */
  cutoffAt: string;
  /** Look-ups that failed (network errors); after LOOKUP_FAILURE_LIMIT a person is asked. */
  failures: number;
  /** What the attempt said when it was cut off. */
  reason: string;
}

export const LOOKUP_FAILURE_LIMIT = 3;

export function lookupStateOf(platformData: Record<string, unknown> | null): LookupState | undefined {
  const state = platformData?.lookup as Partial<LookupState> | undefined;
  if (!state || typeof state.claimedAt !== 'string' || typeof state.cutoffAt !== 'string') return undefined;
  return {
    claimedAt: state.claimedAt,
    cutoffAt: state.cutoffAt,
    failures: typeof state.failures === 'number' ? state.failures : 0,
    reason: typeof state.reason === 'string' ? state.reason : '',
  };
}
