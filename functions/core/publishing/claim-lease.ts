import { DEADLINE_GRACE_MS } from '../../platforms/call-deadline';
import {
  DEFAULT_LOOKUP_SETTLE_MS,
  DEFAULT_PUBLISH_TIMEOUT_MS,
  type Connector,
} from '../../platforms/connector';

type Bounds = Pick<Connector, 'publishTimeoutMs' | 'lookupSettleMs'> | undefined;

/**
 * Time to write an outcome once the call has ended: the publisher's recording retries pause
 * 1.5 s in all, plus their transactions.
 */
export const RECORDING_MARGIN_MS = 10_000;

/** The bound the publisher enforces on one publish call of this connector. */
export const publishTimeoutOf = (connector: Bounds): number =>
  connector?.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS;

/**
 * How long a claim may stay `publishing`: the call's own bound (enforced by the publisher),
 * the grace for the call to report after its requests are cut off, and the time to record.
 * A claim older than this belongs to a process that died; it no longer needs 15 minutes.
 */
export const claimLeaseMs = (connector: Bounds): number =>
  publishTimeoutOf(connector) + DEADLINE_GRACE_MS + RECORDING_MARGIN_MS;

/** How long after an interrupted call an empty look-up can be trusted on this network. */
export const lookupSettleOf = (connector: Bounds): number =>
  connector?.lookupSettleMs ?? DEFAULT_LOOKUP_SETTLE_MS;
