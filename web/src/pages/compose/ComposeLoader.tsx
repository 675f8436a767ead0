import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../../api/client';
import { useSignedInUser } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { Notice } from '../../components/Notice';
import { QueryState } from '../../components/QueryState';
import { browserTimeZone } from '../../lib/time-zones';
import { mediaListKey, postKey, SOCIAL_ACCOUNTS_KEY } from '../../publishing/query-keys';
import { offeredAccounts } from './accounts';
import { Composer } from './Composer';
import { isEditablePost } from './compose-state';

const LIBRARY_QUERY = { pageSize: 100 } as const;

/** Loads what the composer needs (accounts, the media library, the post being edited). */
export function ComposeLoader({
  postId,
  requestedAt,
}: {
  postId: string | null;
  requestedAt: string | null;
}) {
  const { api } = useServices();
  const { user } = useSignedInUser();
  const accounts = useQuery({
    queryKey: SOCIAL_ACCOUNTS_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/social-accounts', { signal })),
  });
  const library = useQuery({
    queryKey: mediaListKey(LIBRARY_QUERY),
    queryFn: ({ signal }) => unwrap(api.GET('/media', { params: { query: LIBRARY_QUERY }, signal })),
  });
  const post = useQuery({
    queryKey: postKey(postId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/posts/{id}', { params: { path: { id: postId! } }, signal })),
    enabled: postId !== null,
  });

  const ready = accounts.data && library.data && (postId === null || post.data);
  if (!ready) {
    // The first query that failed, else one still loading (a disabled query is never shown).
    const shown =
      [accounts, library, post].find((q) => q.isError) ??
      [accounts, library, post].find((q) => q.isPending && q.fetchStatus !== 'idle') ??
      accounts;
    return (
      <div className="mt-6">
        <QueryState query={shown} label={postId ? 'the post' : 'the composer'}>
          {null}
        </QueryState>
      </div>
    );
  }
  if (post.data && !isEditablePost(post.data)) {
    return (
      <Notice tone="warning" title="This post can no longer be edited" className="mt-6">
        Some of it is published or being published. Open the{' '}
        <Link to={`/posts/${post.data.id}`} className="font-medium underline">
          post
        </Link>{' '}
        to see where, or duplicate it there to make a new version.
      </Notice>
    );
  }
  return (
    <Composer
      accounts={offeredAccounts(accounts.data.accounts)}
      library={library.data.items}
      post={post.data}
      authorZone={user.timezone ?? browserTimeZone()}
      requestedAt={requestedAt}
    />
  );
}
