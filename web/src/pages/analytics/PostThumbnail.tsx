import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { mediaKey } from '../../publishing/query-keys';
import { MediaThumbnail } from '../media/MediaThumbnail';

/**
 * A post's first attachment as a small square (the media library's thumbnail), or an empty
 * square for a text-only post, so rows line up. Cached with the media pages' key.
 */
export function PostThumbnail({
  mediaId,
  className = 'size-10',
}: {
  mediaId: string | null;
  className?: string;
}) {
  const { api } = useServices();
  const media = useQuery({
    queryKey: mediaKey(mediaId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/media/{id}', { params: { path: { id: mediaId! } }, signal })),
    enabled: mediaId !== null,
    // A file deleted since the post went out answers 404; asking again will not bring it back.
    retry: false,
  });
  if (!media.data) {
    return <span aria-hidden="true" className={`block shrink-0 rounded bg-slate-100 ${className}`} />;
  }
  return <MediaThumbnail item={media.data} className={`shrink-0 rounded ${className}`} />;
}
