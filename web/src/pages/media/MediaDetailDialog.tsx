import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { DECODABLE_IMAGE_TYPES } from '../../../../functions/shared/media';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useServices } from '../../app/services';
import { useSignedInUser } from '../../auth/use-session';
import { Badge } from '../../components/Badge';
import { Button, Spinner } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../lib/dates';
import { browserTimeZone } from '../../lib/time-zones';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import { MEDIA_KEY } from '../../publishing/query-keys';
import type { MediaItem } from '../../publishing/upload-media';
import { formatBytes, formatDimensions, formatDuration } from './format';
import { MediaDetailsForm } from './MediaDetailsForm';
import { KIND_LABEL, MEDIA_STATUS_LOOK } from './media-status';
import { UsageList } from './UsageList';
import { deleteWarning, usageSummary } from './usage-wording';
import { VariantList } from './VariantList';

const decodable: readonly string[] = DECODABLE_IMAGE_TYPES;

/**
 * One file: preview, facts, name and alt text, the posts using it, its per-network variants
 * (with Optimize) and Delete. A modal <dialog>: Escape closes, focus returns to the tile.
 */
export function MediaDetailDialog({
  item,
  optimizeFailure,
  onClose,
  onDeleted,
}: {
  item: MediaItem;
  optimizeFailure?: string;
  onClose: () => void;
  onDeleted: (item: MediaItem) => void;
}) {
  const { api } = useServices();
  const { user, can } = useSignedInUser();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const timeZone = user.timezone || browserTimeZone();
  const editor = can('user');
  const name = item.fileName ?? 'Untitled file';
  const status = MEDIA_STATUS_LOOK[item.status];

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const optimize = useMutation({
    mutationFn: () => unwrap(api.POST('/media/{id}/optimize', { params: { path: { id: item.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: MEDIA_KEY }),
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/media/{id}', { params: { path: { id: item.id } } })),
    onSuccess: () => {
      setConfirming(false);
      onDeleted(item);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: MEDIA_KEY }),
  });

  const optimizable = decodable.includes(item.mimeType);
  const hasVariants = Object.keys(item.variants).length > 0;
  const processing = item.status === 'processing';
  const facts: [string, string | null][] = [
    ['Kind', `${KIND_LABEL[item.kind]} (${item.mimeType})`],
    ['Size', formatBytes(item.sizeBytes)],
    ['Dimensions', formatDimensions(item.width, item.height)],
    ['Duration', item.kind === 'video' ? formatDuration(item.durationMs) : null],
    ['Uploaded', formatDateTime(item.createdAt, timeZone)],
  ];

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto max-h-[calc(100%-2rem)] w-[calc(100%-2rem)] max-w-4xl rounded-xl bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-start justify-between gap-4 border-b border-slate-100 px-5 py-4">
        <div className="min-w-0">
          <h2 id={titleId} className="truncate text-base font-semibold text-slate-900">
            {name}
          </h2>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-500">
            <span title={status.help} data-testid="media-status">
              <Badge tone={status.tone}>{status.label}</Badge>
            </span>
            {usageSummary(item.usage)}
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={onClose} aria-label="Close details">
          <Icon name="close" className="size-4" />
        </Button>
      </div>
      <div className="grid gap-6 px-5 py-5 md:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
        <div className="space-y-4">
          <Preview item={item} />
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {facts
              .filter((fact): fact is [string, string] => fact[1] !== null)
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-500">{label}</dt>
                  <dd className="text-slate-900">{value}</dd>
                </div>
              ))}
          </dl>
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Networks that take the original</h3>
            {item.networks.length > 0 ? (
              <div className="mt-1.5 flex flex-wrap gap-1">
                {item.networks.map((platform) => (
                  <PlatformBadge key={platform} platform={platform} size="md" />
                ))}
              </div>
            ) : (
              <p className="mt-1 text-sm text-slate-500">None: no network takes this type at this size.</p>
            )}
          </div>
        </div>
        <div className="space-y-6">
          {editor ? (
            <MediaDetailsForm item={item} />
          ) : (
            <div className="text-sm">
              <h3 className="font-semibold text-slate-900">Alt text</h3>
              <p className="mt-1 text-slate-700">{item.altText ?? 'None yet.'}</p>
            </div>
          )}
          <section aria-labelledby={`${titleId}-usage`}>
            <h3 id={`${titleId}-usage`} className="mb-2 text-sm font-semibold text-slate-900">
              Used in
            </h3>
            <UsageList usage={item.usage} timeZone={timeZone} />
          </section>
          <section aria-labelledby={`${titleId}-variants`} className="space-y-2">
            <div className="flex items-center justify-between gap-3">
              <h3 id={`${titleId}-variants`} className="text-sm font-semibold text-slate-900">
                Per-network variants
              </h3>
              {editor && optimizable ? (
                <Button
                  variant="secondary"
                  size="sm"
                  busy={optimize.isPending}
                  disabled={item.status !== 'ready'}
                  onClick={() => optimize.mutate()}
                >
                  {hasVariants ? 'Optimize again' : 'Optimize'}
                </Button>
              ) : null}
            </div>
            <div role="status" className="text-sm">
              {processing ? (
                <p className="flex items-center gap-2 text-amber-800">
                  <Spinner /> Making the variants; they appear here when ready.
                </p>
              ) : optimizeFailure ? (
                <Notice tone="warning" role="note" title="Optimize failed">
                  {optimizeFailure} The original is unchanged and still usable.
                </Notice>
              ) : !hasVariants ? (
                <p className="text-slate-500">
                  {optimizable
                    ? 'None yet. Optimize makes resized JPEG and WebP copies and Instagram crops.'
                    : `Only ${DECODABLE_IMAGE_TYPES.map((type) => type.replace('image/', '').toUpperCase()).join(', ')} images can be optimized; the original is sent as it is.`}
                </p>
              ) : null}
            </div>
            <FormProblem problem={isApiProblem(optimize.error) ? optimize.error : null} />
            <VariantList variants={item.variants} />
          </section>
          {editor ? (
            <div className="border-t border-slate-100 pt-4">
              <Button variant="dangerGhost" size="sm" onClick={() => setConfirming(true)}>
                <Icon name="trash" className="size-4" />
                Delete file
              </Button>
            </div>
          ) : null}
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${name}?`}
        confirmLabel="Delete file"
        busy={remove.isPending}
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate()}
      >
        <p>{deleteWarning(item.usage)}</p>
        <FormProblem problem={isApiProblem(remove.error) ? remove.error : null} className="mt-3" />
      </ConfirmDialog>
    </dialog>
  );
}

function Preview({ item }: { item: MediaItem }) {
  const box = 'flex aspect-[4/3] w-full items-center justify-center overflow-hidden rounded-lg bg-slate-100';
  if (!item.url)
    return <div className={`${box} text-sm text-slate-500`}>No preview: the upload is not confirmed.</div>;
  if (item.kind === 'video') {
    return (
      <div className={`${box} bg-slate-900`}>
        <video
          src={item.url}
          controls
          preload="metadata"
          className="max-h-full max-w-full"
          aria-label={item.fileName ?? 'Video'}
        />
      </div>
    );
  }
  return (
    <div className={box}>
      <img src={item.url} alt={item.altText ?? ''} className="max-h-full max-w-full object-contain" />
    </div>
  );
}
