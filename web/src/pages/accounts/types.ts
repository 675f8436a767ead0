import type { components } from '../../api/schema.gen';

/** Shapes of the social-accounts API, straight from the generated OpenAPI types. */
export type SocialAccount = components['schemas']['SocialAccount'];
export type PlatformAvailability = components['schemas']['PlatformAvailability'];
export type SocialAccountInsights = components['schemas']['SocialAccountInsights'];
export type PublishingQuota = NonNullable<SocialAccount['quota']>;
