import { useQueries } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { mediaKey } from '../../publishing/query-keys';

/** Thumbnails of the post's files, each read on its own (and cached for the other pages). */
export function PostMedia({ mediaIds }: { mediaIds: string[] }) {
  const { api } = useServices();
  const files = useQueries({
    queries: mediaIds.map((id) => ({
      queryKey: mediaKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        unwrap(api.GET('/media/{id}', { params: { path: { id } }, signal })),
    })),
  });
  if (mediaIds.length === 0) return null;
  return (
    <ul aria-label="Media" className="mt-4 flex flex-wrap gap-3">
      {mediaIds.map((id, index) => {
        const file = files[index];
        const item = file?.data;
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
                  : file?.isPending
                    ? 'Loading…'
                    : `${label} (deleted)`}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
