import { useSearchParams } from 'react-router';
import { useSignedInUser } from '../auth/use-session';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { ComposeLoader } from './compose/ComposeLoader';

/**
 * /compose writes a new post (`?at=<instant>` starts the time picker there, as the calendar's
 * "+" does); /compose?post=<id> edits one that is not live yet.
 */
export default function ComposePage() {
  const { can } = useSignedInUser();
  const [params] = useSearchParams();
  const postId = params.get('post');
  return (
    <>
      <PageHeader
        title={postId ? 'Edit post' : 'Compose'}
        description="Write once, tailor it for each network, then schedule or publish."
      />
      {can('user') ? (
        // A new key per post, so opening another post (or a blank composer) starts afresh.
        <ComposeLoader key={postId ?? 'new'} postId={postId} requestedAt={params.get('at')} />
      ) : (
        <Notice tone="info" title="Viewers cannot write posts" className="mt-6">
          Your role lets you read posts and results. Ask an admin for the member role to compose and schedule.
        </Notice>
      )}
    </>
  );
}
