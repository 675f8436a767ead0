import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useReducer, useRef, useState, type DragEvent } from 'react';
import { isAbortError, isApiProblem, networkProblem } from '../../api/problem';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { MEDIA_KEY } from '../../publishing/query-keys';
import { uploadMedia } from '../../publishing/upload-media';
import { formatBytes } from './format';
import { uploadPercent, uploadQueue, uploadSummary, type UploadEntry } from './upload-queue';
import { uploadProblemText } from './upload-problem';

/** What the picker offers; the API has the last word (it also checks size and quota). */
const ACCEPT = 'image/*,video/*';

let uploads = 0;

/**
 * Drop zone and file picker. Each file uploads on its own (presigned POST with progress, then
 * confirmation), so one refused file does not hold up the others.
 */
export function UploadPanel() {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [entries, dispatch] = useReducer(uploadQueue, []);
  const [dragging, setDragging] = useState(false);
  const controllers = useRef(new Map<string, AbortController>());

  // Leaving the page stops uploads that would otherwise finish into a page no one sees.
  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((controller) => controller.abort());
  }, []);

  const start = (files: File[]) => {
    if (files.length === 0) return;
    const batch = files.map((file) => ({ file, key: `upload-${(uploads += 1)}` }));
    dispatch({
      type: 'added',
      entries: batch.map(({ file, key }) => ({ key, fileName: file.name, sizeBytes: file.size })),
    });
    for (const { file, key } of batch) {
      const controller = new AbortController();
      controllers.current.set(key, controller);
      uploadMedia(api, file, {
        signal: controller.signal,
        onProgress: ({ loaded }) => dispatch({ type: 'progress', key, loaded }),
      })
        .then(() => dispatch({ type: 'done', key }))
        .catch((error: unknown) => {
          if (isAbortError(error)) return dispatch({ type: 'cancelled', key });
          const problem = isApiProblem(error) ? error : networkProblem(error);
          dispatch({ type: 'failed', key, message: uploadProblemText(problem, file) });
        })
        .finally(() => {
          controllers.current.delete(key);
          // The new file, and the bytes it takes, show at once (the push may come later).
          void queryClient.invalidateQueries({ queryKey: MEDIA_KEY });
        });
    }
  };

  const cancel = (key: string) => controllers.current.get(key)?.abort();

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    start([...event.dataTransfer.files]);
  };

  const finished = entries.some((entry) => entry.state !== 'uploading');

  return (
    <section aria-labelledby={`${inputId}-heading`} className="space-y-3">
      <h2 id={`${inputId}-heading`} className="sr-only">
        Upload
      </h2>
      <div
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        data-testid="drop-zone"
        className={`flex flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-6 py-6 text-center text-sm transition-colors ${
          dragging ? 'border-brand-500 bg-brand-50' : 'border-slate-300 bg-white'
        }`}
      >
        <Icon name="media" className="size-6 text-slate-400" />
        <p className="text-slate-700">
          Drop images or videos here, or{' '}
          <label htmlFor={inputId} className="cursor-pointer font-medium text-brand-700 hover:underline">
            choose files
          </label>
        </p>
        <p className="text-xs text-slate-500">
          Several at once. Each network's size limits are checked on upload.
        </p>
        <input
          id={inputId}
          type="file"
          multiple
          accept={ACCEPT}
          className="sr-only"
          onChange={(event) => {
            start([...(event.target.files ?? [])]);
            // The same file can be chosen again after a refusal.
            event.target.value = '';
          }}
        />
      </div>
      <p role="status" className="sr-only">
        {uploadSummary(entries)}
      </p>
      {entries.length > 0 ? (
        <div className="rounded-xl border border-slate-200 bg-white shadow-xs">
          <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2.5">
            <h3 className="text-sm font-semibold text-slate-900">Uploads</h3>
            {finished ? (
              <Button variant="ghost" size="sm" onClick={() => dispatch({ type: 'cleared' })}>
                Clear finished
              </Button>
            ) : null}
          </div>
          <ul aria-label="Uploads" className="divide-y divide-slate-100">
            {entries.map((entry) => (
              <UploadRow
                key={entry.key}
                entry={entry}
                onCancel={cancel}
                onDismiss={(key) => dispatch({ type: 'dismissed', key })}
              />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

const STATE_TEXT = { uploading: 'Uploading', done: 'Uploaded', failed: 'Refused', cancelled: 'Cancelled' };
const BAR = {
  uploading: 'bg-brand-600',
  done: 'bg-emerald-500',
  failed: 'bg-rose-500',
  cancelled: 'bg-slate-300',
};

function UploadRow({
  entry,
  onCancel,
  onDismiss,
}: {
  entry: UploadEntry;
  onCancel: (key: string) => void;
  onDismiss: (key: string) => void;
}) {
  const percent = uploadPercent(entry);
  return (
    <li className="px-4 py-3 text-sm" data-upload-state={entry.state}>
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-slate-900">{entry.fileName}</p>
          <p className="text-xs text-slate-500">
            {STATE_TEXT[entry.state]} · {formatBytes(entry.sizeBytes)}
            {entry.state === 'uploading' ? ` · ${percent} %` : ''}
          </p>
        </div>
        {entry.state === 'uploading' ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => onCancel(entry.key)}
            aria-label={`Cancel ${entry.fileName}`}
          >
            Cancel
          </Button>
        ) : (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onDismiss(entry.key)}
            aria-label={`Dismiss ${entry.fileName}`}
          >
            <Icon name="close" className="size-4" />
          </Button>
        )}
      </div>
      <div
        role="progressbar"
        aria-label={`${entry.fileName} upload`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-2 h-1.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={`h-full rounded-full transition-[width] ${BAR[entry.state]}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      {entry.message ? (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {entry.message}
        </p>
      ) : null}
    </li>
  );
}
