import type { Platform } from '../../../shared/platforms/catalog';

/**
 * What the predictor assumes when the organization's own history is too thin to fit a model
 * (fewer than `minTrainingPosts` trainable posts). Documented here and in the README; every
 * prediction made from them says `basis: 'priors'` and why.
 *
 * - With some mature posts of the account: its median engagement (the trailing median of up
 *   to `baselinePosts`), times 1 (no content or timing adjustment: nothing is known of this
 *   organization's effects yet), with an 80 % interval of ×/÷ 4 around it. ×/÷ 4 is
 *   log(4) = 1.39 log units each side, what an 80 % band needs when single posts scatter around
 *   their account's median with a log standard deviation near 1.1, as posts do on networks whose
 *   reach is driven by a few shares (the Sandbox's virality alone has a log sd of 1.4, trimmed
 *   to about 1.0 in its histories).
 * - With no mature post of the account but its follower count: followers × the network's
 *   engagement per follower below, with ×/÷ 10. These rates are coarse assumptions of the order
 *   of published industry medians of interactions per post per follower (brand accounts on
 *   Instagram under 1 %, on Facebook and X around or below 0.1 %, on TikTok a few %); networks
 *   without a published median get 0.5 %. They are a starting point, not a claim.
 * - With neither: the median of the organization's mature posts on that network (then on any),
 *   ×/÷ 10; with no mature post at all there is nothing to predict from.
 */
export const PRIOR_ENGAGEMENT_PER_FOLLOWER: Readonly<Record<Platform, number>> = {
  instagram: 0.005,
  facebook: 0.001,
  twitter: 0.0005,
  tiktok: 0.03,
  linkedin: 0.005,
  threads: 0.005,
  bluesky: 0.005,
  mastodon: 0.005,
  // The Sandbox's model: about 10 % of followers reached by a median post, ~5.6 % of them interact.
  sandbox: 0.005,
};

/** The interval factor (×/÷) for each source of a prior prediction. */
export const PRIOR_SPREAD = {
  accountMedian: 4,
  followers: 10,
  organizationMedian: 10,
} as const;
