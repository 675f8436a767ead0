import type { components } from '../../api/schema.gen';
import { Notice } from '../../components/Notice';

type StaleAccount = components['schemas']['AnalyticsOverview']['staleAccounts'][number];

/** Says which accounts' figures lag behind the network, so a flat line is not taken for a fact. */
export function StaleAccountsNotice({ accounts }: { accounts: StaleAccount[] }) {
  if (accounts.length === 0) return null;
  const names = accounts.map((account) => account.name ?? account.platform).join(', ');
  return (
    <Notice tone="warning" role="note" title={`Figures may be out of date for ${names}`}>
      The last good sync is older than Plume&apos;s schedule allows, or there has been none yet. Plume keeps
      trying on its own; the Accounts page says why a sync failed.
    </Notice>
  );
}
