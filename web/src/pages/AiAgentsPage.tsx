import { PageHeader } from '../components/PageHeader';
import { PlannedArea } from '../components/PlannedArea';

export default function AiAgentsPage() {
  return (
    <>
      <PageHeader title="AI agents" description="Seven agents that help you write, time and keep watch." />
      <PlannedArea
        icon="agents"
        milestone="agents"
        dependsOn="publishing"
        headline="Put Plume’s agents to work on your content, schedule and reputation."
        capabilities={[
          'Generate and improve posts in your brand voice',
          'Hashtags and best times to post, learned from your own results',
          'An engagement forecast before you publish',
          'Trend, competitor and crisis monitoring with alerts',
        ]}
      />
    </>
  );
}
