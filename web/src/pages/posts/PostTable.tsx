import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import { STATUS_LOOK } from '../../publishing/statuses';
import { StatusBadge } from '../../publishing/StatusBadge';
import { ApprovalBadge, AiMark } from './ApprovalBadge';
import { firstWords, postLabel, postMoment } from './post-text';
import type { Post } from './types';

function SelectAll({
  posts,
  selected,
  onSelect,
}: {
  posts: Post[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
}) {
  const box = useRef<HTMLInputElement>(null);
  const chosen = posts.filter((post) => selected.has(post.id)).length;
  const all = chosen > 0 && chosen === posts.length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = chosen > 0 && !all;
  }, [chosen, all]);
  return (
    <input
      ref={box}
      type="checkbox"
      aria-label="Select every post on this page"
      checked={all}
      onChange={() =>
        onSelect(
          posts.map((post) => post.id),
          !all,
        )
      }
      className="size-4 rounded border-slate-300 accent-brand-600"
    />
  );
}

/** The posts of one page: status, where each target stands, when, and who wrote it. */
export function PostTable({
  posts,
  timeZone,
  authors,
  selected,
  onSelect,
}: {
  posts: Post[];
  timeZone: string;
  authors: Map<string, string>;
  /** Omitted for viewers: no selection, no bulk actions. */
  selected?: ReadonlySet<string>;
  onSelect?: (ids: string[], on: boolean) => void;
}) {
  const selectable = selected !== undefined && onSelect !== undefined;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Posts, newest first</caption>
        <thead className="bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            {selectable ? (
              <th scope="col" className="w-10 px-4 py-3">
                <SelectAll posts={posts} selected={selected} onSelect={onSelect} />
              </th>
            ) : null}
            <th scope="col" className="px-4 py-3">
              Post
            </th>
            <th scope="col" className="px-4 py-3">
              Status
            </th>
            <th scope="col" className="px-4 py-3">
              Networks
            </th>
            <th scope="col" className="px-4 py-3">
              When
            </th>
            <th scope="col" className="px-4 py-3">
              Author
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {posts.map((post) => {
            const label = postLabel(post);
            const moment = postMoment(post);
            return (
              <tr key={post.id} data-post-id={post.id} className="align-top hover:bg-slate-50/60">
                {selectable ? (
                  <td className="px-4 py-3">
                    <input
                      type="checkbox"
                      aria-label={`Select “${label}”`}
                      checked={selected.has(post.id)}
                      onChange={(event) => onSelect([post.id], event.target.checked)}
                      className="size-4 rounded border-slate-300 accent-brand-600"
                    />
                  </td>
                ) : null}
                <td className="max-w-md px-4 py-3">
                  <Link
                    to={`/posts/${post.id}`}
                    className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {label}
                  </Link>
                  {post.title ? (
                    <p className="mt-0.5 text-slate-500">{firstWords(post.content, 90)}</p>
                  ) : null}
                </td>
                <td className="px-4 py-3">
                  <div className="flex flex-wrap items-center gap-1.5">
                    <StatusBadge status={post.status} />
                    <ApprovalBadge status={post.approvalStatus} />
                    {post.aiGenerated ? <AiMark /> : null}
                  </div>
                </td>
                <td className="px-4 py-3">
                  <ul className="flex flex-col gap-1" aria-label="Targets">
                    {post.targets.map((target) => (
                      <li key={target.id} className="flex items-center gap-1.5 whitespace-nowrap">
                        <PlatformBadge platform={target.platform} />
                        <span className="text-slate-700">
                          {target.accountName ?? target.accountHandle ?? 'Account'}
                        </span>
                        <span className="flex items-center gap-1 text-xs text-slate-500">
                          <span
                            aria-hidden="true"
                            className={`inline-block size-2 rounded-full ${STATUS_LOOK[target.status].dot}`}
                          />
                          {STATUS_LOOK[target.status].label}
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                  <span className="block text-xs text-slate-500">{moment.label}</span>
                  {moment.at ? formatDateTime(moment.at, timeZone) : null}
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                  {(post.userId ? authors.get(post.userId) : undefined) ?? 'Former member'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
