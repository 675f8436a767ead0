import { PageHeader } from '../components/PageHeader';
import { PlannedArea } from '../components/PlannedArea';

export default function NotificationsPage() {
  return (
    <>
      <PageHeader title="Notifications" description="What happened while you were away." />
      <PlannedArea
        icon="notifications"
        milestone="analytics"
        headline="Hear about the things that need you, and only those."
        capabilities={[
          'Published, failed and unconfirmed posts',
          'Accounts that need to be reconnected',
          'Results and alerts from AI agents',
          'Choose in-app or email for each kind of notice',
        ]}
      />
    </>
  );
}
