import * as z from 'zod';
import type { AccountMetricAvailability } from '../analytics/account-metrics';
import type { MetricAvailability } from '../analytics/metrics';
import type { PlatformLimits } from './types';

/**
 * Everything Plume says about one network that the server and the dashboard both read: one
 * profile per network (`<network>/profile.ts`), gathered in `catalog.ts`. Light and browser-safe
 * (data and a zod schema), so every Lambda may load the catalog; the content rules, which carry
 * text libraries, are gathered apart in `rules.ts`. What talks to the network (OAuth, publish,
 * metrics, look-ups) is server-only: functions/platforms/<network>, found through the registry.
 */
export interface PlatformProfile {
  /** The network as users know it. */
  name: string;
  /** How the dashboard shows it. */
  look: {
    /** One or two characters for its badge. */
    badge: string;
    /** The network's own colour. */
    colour: string;
    /** How the composer's preview presents a post there. */
    preview: {
      link: string;
      /** Media above the text (Instagram, TikTok) rather than below. */
      mediaFirst: boolean;
      corners: 'md' | 'lg' | 'xl' | '2xl';
      /** What stands beside the author for "just posted". */
      when: string;
    };
  };
  /**
   * How an account is connected: OAuth on the network's own page, an app password, or at once
   * (the Sandbox). `asksForServer`: OAuth on the user's own server, which Plume must know first.
   */
  connect: { method: 'oauth' | 'app-password' | 'instant'; asksForServer?: boolean };
  /** The operator's developer-app settings in the platform-apps secret; absent where none are needed. */
  app?: AppSettings;
  /** The configured limits; a connector may refine them per account at run time. */
  limits: PlatformLimits;
  media: {
    imageTypes: readonly string[];
    videoTypes: readonly string[];
    /** Where the network caps GIFs apart from images (X: 15 MB). */
    maxGifBytes?: number;
    /**
     * Whether the media library names the network among those a file suits. The Sandbox takes
     * what the real networks take, so naming it would tell nobody anything.
     */
    namedInLibrary: boolean;
  };
  /**
   * The longest one publish call may take by the connector's own timeouts and polling, and how
   * long after an interrupted call an empty look-up can be trusted. The sweep reads these
   * without loading the connectors.
   */
  publishing: { publishTimeoutMs: number; lookupSettleMs: number };
  /**
   * The post metrics its API has no count for, each with the reason shown where the figure
   * would be: stored and answered as null, never as 0.
   */
  metrics: MetricAvailability;
  /**
   * The account's own figures (followers, following, posts, the day's impressions and profile
   * views) and audience make-up its API offers, with the reason for each it does not.
   */
  accountMetrics: AccountMetricAvailability;
}

export interface AppSettings {
  /** Validates the network's entry of the secret. */
  schema: z.ZodObject;
  /** Settings without which an account cannot be connected (checked before the consent page). */
  requiredToConnect: readonly string[];
}

/** The settings every OAuth app has: its client id and, for confidential clients, a secret. */
export const OAUTH_APP_SETTINGS = {
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
};

/** A network's app settings; the names it requires to connect must be among its settings. */
export function appSettings<const Shape extends z.ZodRawShape>(
  shape: Shape,
  requiredToConnect: readonly (keyof Shape & string)[],
): { schema: z.ZodObject<Shape>; requiredToConnect: readonly (keyof Shape & string)[] } {
  return { schema: z.object(shape), requiredToConnect };
}
