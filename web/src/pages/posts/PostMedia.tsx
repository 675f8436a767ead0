import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { mediaListKey } from '../../publishing/query-keys';

const USED_MEDIA = { usage: 'used', pageSize: 100 } as const;

/**
 * Thumbnails of the post's files. There is no "get one file" route, so the library's
 * files in use are listed once (shared cache) and picked by id.
 */
export function PostMedia({ mediaIds }: { mediaIds: string[] }) {
  const { api } = useServices();
  const media = useQuery({
    queryKey: mediaListKey(USED_MEDIA),
    queryFn: ({ signal }) => unwrap(api.GET('/media', { params: { query: USED_MEDIA }, signal })),
    enabled: mediaIds.length > 0,
  });
  if (mediaIds.length === 0) return null;
  const byId = new Map((media.data?.items ?? []).map((item) => [item.id, item]));
  return (
    <ul aria-label="Media" className="mt-4 flex flex-wrap gap-3">
      {mediaIds.map((id, index) => {
        const item = byId.get(id);
        const label = item?.altText || item?.fileName || `Attachment ${index + 1}`;
        return (
          <li
            key={id}
            className="flex size-24 items-center justify-center overflow-hidden rounded-lg bg-slate-100 text-center text-xs text-slate-500 ring-1 ring-slate-200"
          >
            {item?.url && item.kind !== 'video' ? (
              <img src={item.url} alt={label} className="size-full object-cover" loading="lazy" />
            ) : (
              <span className="p-2">
                {item
                  ? `${item.kind === 'video' ? 'Video' : 'File'}: ${label}`
                  : media.isPending
                    ? 'Loading…'
                    : label}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
