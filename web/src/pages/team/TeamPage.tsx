import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useSignedInUser } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { InvitationList } from './InvitationList';
import { InviteForm } from './InviteForm';
import { MemberList } from './MemberList';
import { MEMBERS_QUERY_KEY } from './query-keys';

export default function TeamPage() {
  const { api } = useServices();
  const { user, organization, can } = useSignedInUser();
  const members = useQuery({
    queryKey: MEMBERS_QUERY_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/organizations/members', { signal })),
  });
  const admin = can('admin');

  return (
    <>
      <PageHeader title="Team" description={`The people in ${organization.name} and what each may do.`} />
      <div className="mt-8 space-y-8">
        {admin ? (
          user.emailVerified ? (
            <InviteForm />
          ) : (
            <Notice tone="warning" title="Verify your email to invite members">
              Open the link we sent to {user.email}. The banner at the top of the page can send it again.
            </Notice>
          )
        ) : (
          <Notice title="Only admins manage the team">
            You can see who is here. Ask an admin to invite someone or to change a role.
          </Notice>
        )}
        <QueryState query={members} label="members">
          {members.data ? (
            <>
              <MemberList members={members.data.members} />
              {members.data.invitations.length > 0 ? (
                <InvitationList invitations={members.data.invitations} />
              ) : null}
            </>
          ) : null}
        </QueryState>
      </div>
    </>
  );
}
