import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { QueryState } from '../../components/QueryState';
import { postListKey } from '../../publishing/query-keys';
import { pageCount, POSTS_PER_PAGE } from '../posts/post-filters';
import { useMayApprove } from '../posts/use-approval-policy';
import { useAuthorNames } from '../posts/use-post-lookups';
import { QueueItem } from './QueueItem';

/** The approvals queue: posts in review (GET /posts?approvalStatus=in_review), oldest decisions first. */
export default function ApprovalsPage() {
  const { api } = useServices();
  const mayApprove = useMayApprove();
  const authors = useAuthorNames();
  const [page, setPage] = useState(1);
  const [announcement, setAnnouncement] = useState('');
  const query = { approvalStatus: 'in_review', page, limit: POSTS_PER_PAGE } as const;
  const posts = useQuery({
    queryKey: postListKey(query),
    queryFn: ({ signal }) => unwrap(api.GET('/posts', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
  const list = posts.data?.posts ?? [];
  const pages = pageCount(posts.data?.total ?? 0);
  return (
    <>
      <PageHeader
        title="Approvals"
        description={
          mayApprove
            ? 'Posts waiting for a reviewer. Approve them, or say what should change.'
            : 'Posts waiting for a reviewer. Your role does not approve posts in this organization.'
        }
      />
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div className="mt-6 space-y-4">
        <QueryState query={posts} label="posts in review">
          {posts.data ? (
            list.length === 0 ? (
              <Notice title="Nothing awaits approval">
                Posts sent for review and agents’ drafts appear here.{' '}
                <Link to="/posts" className="font-medium underline">
                  See all posts
                </Link>
                .
              </Notice>
            ) : (
              <>
                <ul className="space-y-3" aria-label="Posts in review">
                  {list.map((post) => (
                    <QueueItem
                      key={post.id}
                      post={post}
                      author={(post.userId ? authors.get(post.userId) : undefined) ?? 'a former member'}
                      mayApprove={mayApprove}
                      onAnnounce={setAnnouncement}
                    />
                  ))}
                </ul>
                <Pager
                  page={page}
                  pageCount={pages}
                  summary={`${posts.data.total} in review · page ${page} of ${pages}`}
                  onPage={setPage}
                />
              </>
            )
          ) : null}
        </QueryState>
      </div>
    </>
  );
}
