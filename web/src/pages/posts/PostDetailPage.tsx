import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useServices } from '../../app/services';
import { useSignedInUser } from '../../auth/use-session';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/dates';
import { browserTimeZone } from '../../lib/time-zones';
import { postKey } from '../../publishing/query-keys';
import { STATUS_LOOK } from '../../publishing/statuses';
import { StatusBadge } from '../../publishing/StatusBadge';
import { ApprovalBadge, AiMark } from './ApprovalBadge';
import { ApprovalPanel } from './ApprovalPanel';
import { PostActions } from './PostActions';
import { PostMedia } from './PostMedia';
import { PostPreviewSection } from './PostPreviewSection';
import { postLabel } from './post-text';
import { describeStatusChanges, type StatusSnapshot } from './status-changes';
import { TargetCard } from './TargetCard';
import type { Post } from './types';
import { useAuthorNames } from './use-post-lookups';

const snapshot = (post: Post): StatusSnapshot => ({
  status: post.status,
  targets: post.targets.map((t) => ({
    id: t.id,
    platform: t.platform,
    accountName: t.accountName,
    status: t.status,
  })),
});

/**
 * Says out loud what the publisher did while the page is open. The page never polls: the
 * server's push invalidates postKey (LiveInvalidation), the query refetches, this compares.
 */
function useStatusAnnouncement(post: Post | undefined): [string, (message: string) => void] {
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<StatusSnapshot | null>(null);
  useEffect(() => {
    if (!post) return;
    const next = snapshot(post);
    const change = describeStatusChanges(previous.current, next, (status) => STATUS_LOOK[status].label);
    previous.current = next;
    if (change) setAnnouncement(change);
  }, [post]);
  return [announcement, setAnnouncement];
}

function PostBody({ post, timeZone, author }: { post: Post; timeZone: string; author: string }) {
  return (
    <Card title="Content" description={`By ${author} · created ${formatDateTime(post.createdAt, timeZone)}`}>
      {post.title ? <p className="font-medium text-slate-900">{post.title}</p> : null}
      <p className="text-sm leading-6 whitespace-pre-wrap text-slate-800" data-post-content="">
        {post.content || <span className="text-slate-500">No text.</span>}
      </p>
      {post.thread && post.thread.length > 0 ? (
        <ol
          aria-label="Thread"
          className="mt-4 space-y-3 border-l-2 border-slate-200 pl-4 text-sm leading-6 text-slate-700"
        >
          {post.thread.map((part, index) => (
            <li key={index} className="whitespace-pre-wrap">
              <span className="sr-only">Part {index + 2}: </span>
              {part}
            </li>
          ))}
        </ol>
      ) : null}
      <PostMedia mediaIds={post.mediaIds} />
    </Card>
  );
}

export default function PostDetailPage() {
  const { id = '' } = useParams();
  const { api } = useServices();
  const { user, can } = useSignedInUser();
  const timeZone = user.timezone || browserTimeZone();
  const authors = useAuthorNames();
  const post = useQuery({
    queryKey: postKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/posts/{id}', { params: { path: { id } }, signal })),
    // A missing post will not appear by asking again.
    retry: (failures, error) => !(isApiProblem(error) && error.isClientError) && failures < 2,
  });
  const [announcement, announce] = useStatusAnnouncement(post.data);
  const data = post.data;
  const missing = isApiProblem(post.error) && (post.error.status === 404 || post.error.status === 400);

  return (
    <>
      <PageHeader
        title={data ? postLabel(data) : 'Post'}
        description="What was sent where, each network’s answer, and what you can do next."
      />
      <p className="mt-4 text-sm">
        <Link to="/posts" className="font-medium text-brand-700 hover:underline">
          ← All posts
        </Link>
      </p>
      <p role="status" aria-live="polite" className="sr-only" data-testid="post-announcer">
        {announcement}
      </p>
      <div className="mt-4 space-y-6">
        {missing ? (
          <Notice tone="warning" title="This post does not exist">
            It may have been deleted.{' '}
            <Link to="/posts" className="font-medium underline">
              See all posts
            </Link>
            .
          </Notice>
        ) : (
          <QueryState query={post} label="the post">
            {data ? (
              <>
                <div className="flex flex-wrap items-center gap-3">
                  <StatusBadge status={data.status} />
                  <ApprovalBadge status={data.approvalStatus} />
                  {data.aiGenerated ? <AiMark /> : null}
                  <p className="text-sm text-slate-600">{STATUS_LOOK[data.status].help}</p>
                </div>
                {can('user') ? <PostActions post={data} onAnnounce={announce} /> : null}
                <div className="grid gap-6 lg:grid-cols-5">
                  <div className="lg:col-span-2">
                    <PostBody
                      post={data}
                      timeZone={timeZone}
                      author={(data.userId ? authors.get(data.userId) : undefined) ?? 'a former member'}
                    />
                    <div className="mt-6">
                      <ApprovalPanel post={data} timeZone={timeZone} onAnnounce={announce} />
                    </div>
                  </div>
                  <section aria-labelledby="post-targets" className="lg:col-span-3">
                    <h2 id="post-targets" className="text-sm font-semibold text-slate-900">
                      Networks
                    </h2>
                    <ul className="mt-3 space-y-3">
                      {data.targets.map((target) => (
                        <TargetCard key={target.id} target={target} viewerZone={timeZone} />
                      ))}
                    </ul>
                  </section>
                </div>
                <section aria-labelledby="post-preview">
                  <h2 id="post-preview" className="text-sm font-semibold text-slate-900">
                    Preview
                  </h2>
                  <p className="mt-1 text-sm text-slate-600">
                    How each network receives it, with its own limits.
                  </p>
                  <div className="mt-3">
                    <PostPreviewSection postId={data.id} />
                  </div>
                </section>
              </>
            ) : null}
          </QueryState>
        )}
      </div>
    </>
  );
}
