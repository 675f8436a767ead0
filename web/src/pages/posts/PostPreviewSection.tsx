import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { Badge } from '../../components/Badge';
import { QueryState } from '../../components/QueryState';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import { PLATFORM_LOOK } from '../../publishing/platforms';
import { postPreviewKey } from '../../publishing/query-keys';

/** How each network will receive the post: its text, thread, media, length and the rules it breaks. */
export function PostPreviewSection({ postId }: { postId: string }) {
  const { api } = useServices();
  const preview = useQuery({
    queryKey: postPreviewKey(postId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/posts/{id}/preview', { params: { path: { id: postId } }, signal })),
  });
  return (
    <QueryState query={preview} label="the preview">
      <ul className="grid gap-4 lg:grid-cols-2">
        {(preview.data?.targets ?? []).map((target) => (
          <li key={target.targetId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
            <div className="flex items-center gap-2">
              <PlatformBadge platform={target.platform} />
              <p className="font-medium text-slate-900">
                {target.accountName ?? PLATFORM_LOOK[target.platform].name}
              </p>
              <span className="ml-auto text-xs text-slate-500">
                {target.characters}
                {target.maxTextLength ? ` / ${target.maxTextLength}` : ''} characters
              </span>
            </div>
            <p className="mt-3 text-sm whitespace-pre-wrap text-slate-800">{target.text}</p>
            {target.thread.length > 0 ? (
              <ol
                className="mt-3 space-y-2 border-l-2 border-slate-200 pl-3 text-sm text-slate-700"
                aria-label="Thread"
              >
                {target.thread.map((part, index) => (
                  <li key={index} className="whitespace-pre-wrap">
                    {part}
                  </li>
                ))}
              </ol>
            ) : null}
            {target.firstComment ? (
              <p className="mt-3 text-sm text-slate-600">
                <span className="font-medium">First comment:</span> {target.firstComment}
              </p>
            ) : null}
            {target.media.length > 0 ? (
              <p className="mt-3 text-xs text-slate-500">
                {target.media.length} {target.media.length === 1 ? 'attachment' : 'attachments'} (
                {target.media.map((m) => m.kind).join(', ')})
              </p>
            ) : null}
            {target.issues.length > 0 ? (
              <ul className="mt-3 space-y-1 text-sm" aria-label="Problems">
                {target.issues.map((issue, index) => (
                  <li key={index} className="flex gap-2">
                    <span className="shrink-0">
                      <Badge tone={issue.severity === 'error' ? 'danger' : 'warning'}>
                        {issue.severity === 'error' ? 'Error' : 'Warning'}
                      </Badge>
                    </span>
                    <span className="text-slate-700">{issue.message}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </QueryState>
  );
}
