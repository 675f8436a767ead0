import { PageHeader } from '../components/PageHeader';
import { PlannedArea } from '../components/PlannedArea';

export default function PostsPage() {
  return (
    <>
      <PageHeader
        title="Posts"
        description="Every post, the accounts it targets and where each one stands."
      />
      <PlannedArea
        icon="posts"
        milestone="publishing"
        headline="Find any post and see exactly what happened to it on each network."
        capabilities={[
          'Search and filter drafts, scheduled, published and failed posts',
          'Per-network status, with the platform’s own message when one fails',
          'Duplicate, reschedule or delete a post',
          'Schedule many posts at once from a CSV file',
        ]}
      />
    </>
  );
}
