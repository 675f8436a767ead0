import type { Container } from '../../../adapters/container';
import { loadPlatformApps, type PlatformApps } from '../../../core/platform-apps';
import { HttpProblem } from '../../problem';

/**
 * The operator's platform app credentials. An unreadable secret is an operator problem, not
 * the caller's: 503, with the reason in the server log rather than in a public answer.
 */
export async function platformApps(container: Container): Promise<PlatformApps> {
  try {
    return await loadPlatformApps(container.secrets);
  } catch (error) {
    container.logger.error('Webhook intake cannot read the platform-apps secret', { error });
    throw new HttpProblem(
      503,
      'service_unavailable',
      'The platform-apps setting is not valid; the operator must fix it.',
    );
  }
}

/** 503 naming the setting to add, so the operator knows what to configure (never a 500). */
export function missingSetting(setting: string): HttpProblem {
  return new HttpProblem(
    503,
    'service_unavailable',
    `Webhooks from this network are not configured: set ${setting} in the platform-apps secret.`,
    {
      extensions: { setting },
    },
  );
}
