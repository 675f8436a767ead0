import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/client';
import { useServices } from '../app/services';
import { useSignedInUser } from '../auth/use-session';
import { Button } from '../components/Button';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { QueryState } from '../components/QueryState';
import { mediaListKey, STORAGE_USAGE_KEY } from '../publishing/query-keys';
import type { MediaItem } from '../publishing/upload-media';
import { MediaDetailDialog } from './media/MediaDetailDialog';
import { hasFilters, pageCount, toListQuery, type MediaFilters } from './media/media-filters';
import { MediaFiltersBar } from './media/MediaFiltersBar';
import { MediaTile } from './media/MediaTile';
import { StorageUsageBar } from './media/StorageUsageBar';
import { UploadPanel } from './media/UploadPanel';
import { useMediaFilters } from './media/use-media-filters';
import { useOptimizeFailures } from './media/use-optimize-failures';

export default function MediaPage() {
  const { api } = useServices();
  const { can } = useSignedInUser();
  const [filters, setFilters] = useMediaFilters();
  const [openId, setOpenId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const optimizeFailures = useOptimizeFailures();
  const editor = can('user');

  const query = toListQuery(filters);
  const list = useQuery({
    queryKey: mediaListKey(query),
    queryFn: ({ signal }) => unwrap(api.GET('/media', { params: { query }, signal })),
    // Paging and filtering keep the grid in place instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
  const storage = useQuery({
    queryKey: STORAGE_USAGE_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/media/storage-usage', { signal })),
  });
  // Read from the list, so live refreshes (optimized, renamed elsewhere) show in the open dialog.
  const open = openId ? list.data?.items.find((item) => item.id === openId) : undefined;

  return (
    <>
      <PageHeader
        title="Media"
        description="Images and video for your posts: upload once, add alt text, optimize for each network."
      />
      <div className="mt-8 space-y-6">
        {storage.data ? <StorageUsageBar usage={storage.data} /> : null}
        {editor ? (
          <UploadPanel />
        ) : (
          <Notice title="You can look, not change">
            Viewers see the library; ask a member with the User role or higher to upload or edit files.
          </Notice>
        )}
        <MediaFiltersBar filters={filters} onChange={setFilters} />
        <p role="status" className="sr-only">
          {announcement}
        </p>
        <QueryState query={list} label="media">
          {list.data ? (
            <MediaResults
              items={list.data.items}
              total={list.data.total}
              filters={filters}
              onOpen={setOpenId}
              onPage={(page) => setFilters({ ...filters, page })}
            />
          ) : null}
        </QueryState>
      </div>
      {open ? (
        <MediaDetailDialog
          key={open.id}
          item={open}
          optimizeFailure={optimizeFailures[open.id]}
          onClose={() => setOpenId(null)}
          onDeleted={(deleted: MediaItem) => {
            setOpenId(null);
            setAnnouncement(`${deleted.fileName ?? 'The file'} was deleted.`);
          }}
        />
      ) : null}
    </>
  );
}

function MediaResults({
  items,
  total,
  filters,
  onOpen,
  onPage,
}: {
  items: MediaItem[];
  total: number;
  filters: MediaFilters;
  onOpen: (id: string) => void;
  onPage: (page: number) => void;
}) {
  const pages = pageCount(total);
  if (items.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 px-6 py-10 text-center text-sm text-slate-600">
        {hasFilters(filters)
          ? 'No file matches these filters.'
          : 'No files yet. Upload images or videos to use them in posts.'}
        {filters.page > 1 ? (
          <div className="mt-3">
            <Button variant="secondary" size="sm" onClick={() => onPage(1)}>
              Back to page 1
            </Button>
          </div>
        ) : null}
      </div>
    );
  }
  return (
    <section aria-label="Media files" className="space-y-4">
      <ul aria-label="Files" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6">
        {items.map((item) => (
          <MediaTile key={item.id} item={item} onOpen={onOpen} />
        ))}
      </ul>
      <Pager
        page={filters.page}
        pageCount={pages}
        summary={`Page ${filters.page} of ${pages} · ${total} ${total === 1 ? 'file' : 'files'}`}
        onPage={onPage}
      />
    </section>
  );
}
