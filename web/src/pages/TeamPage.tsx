import { PageHeader } from '../components/PageHeader';
import { PlannedArea } from '../components/PlannedArea';

export default function TeamPage() {
  return (
    <>
      <PageHeader title="Team" description="The people in this organization and what each may do." />
      <PlannedArea
        icon="team"
        milestone="identity"
        headline="Work on your social media together, with the right access for each person."
        capabilities={[
          'Invite members by email',
          'Give each member a role: admin, manager, user or viewer',
          'Change roles or remove members',
          'See and cancel pending invitations',
        ]}
      />
    </>
  );
}
