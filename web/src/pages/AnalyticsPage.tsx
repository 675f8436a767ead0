import { PageHeader } from '../components/PageHeader';
import { PlannedArea } from '../components/PlannedArea';

export default function AnalyticsPage() {
  return (
    <>
      <PageHeader title="Analytics" description="How your posts and accounts perform." />
      <PlannedArea
        icon="analytics"
        milestone="analytics"
        dependsOn="publishing"
        headline="Understand what works, from numbers synced from each network."
        capabilities={[
          'Reach, engagement and follower growth over time',
          'Your best and weakest posts, per network',
          'Audience demographics and the hours they are active',
          'Custom reports and CSV exports',
        ]}
      />
    </>
  );
}
