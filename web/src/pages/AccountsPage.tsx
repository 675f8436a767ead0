import { PageHeader } from '../components/PageHeader';
import { PlannedArea } from '../components/PlannedArea';

export default function AccountsPage() {
  return (
    <>
      <PageHeader title="Accounts" description="The social accounts this organization publishes to." />
      <PlannedArea
        icon="accounts"
        milestone="publishing"
        headline="Connect the networks you publish to and keep them healthy."
        capabilities={[
          'Connect X, LinkedIn, Facebook Pages, Instagram, TikTok, Threads, Bluesky and Mastodon',
          'See each account’s health and reconnect when access expires',
          'Sync profiles and metrics on demand',
          'Try publishing on a built-in sandbox network, no real account needed',
        ]}
      />
    </>
  );
}
