import { PageHeader } from '../components/PageHeader';
import { PlannedArea } from '../components/PlannedArea';

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Your profile, your organization and your data." />
      <PlannedArea
        icon="settings"
        milestone="identity"
        headline="Manage who you are in Plume and what Plume keeps about you."
        capabilities={[
          'Profile, password and time zone',
          'Active sessions, with sign-out on every device',
          'API keys for the public HTTP API',
          'Export all your data, or delete your account',
        ]}
      />
    </>
  );
}
