import { useRef, useState } from 'react';
import { ApiProblem, isAbortError, isApiProblem } from '../../api/problem';
import type { components } from '../../api/schema.gen';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { FormProblem } from '../../components/FormProblem';
import { uploadMedia } from '../../publishing/upload-media';

type LibraryMedia = components['schemas']['Media'];

function Thumbnail({ item }: { item: LibraryMedia }) {
  if (item.kind !== 'video' && item.url) {
    return (
      <img src={item.url} alt={item.altText ?? ''} className="size-16 rounded-md bg-slate-100 object-cover" />
    );
  }
  return (
    <span className="flex size-16 items-center justify-center rounded-md bg-slate-800 text-[11px] font-medium text-white">
      {item.kind === 'video' ? '▶ Video' : 'Image'}
    </span>
  );
}

const label = (item: LibraryMedia) => item.fileName ?? `${item.kind} ${item.id.slice(0, 8)}`;

interface UploadState {
  fileName: string;
  percent: number;
  done: boolean;
}

/** Attached files, a picker over the media library, and uploads of new files with progress. */
export function MediaAttach({
  library,
  attached,
  onAttach,
  onDetach,
  onUploaded,
}: {
  library: readonly LibraryMedia[];
  attached: readonly LibraryMedia[];
  onAttach: (item: LibraryMedia) => void;
  onDetach: (id: string) => void;
  /** A new file is ready: the page adds it to the library it knows. */
  onUploaded: (item: LibraryMedia) => void;
}) {
  const { api } = useServices();
  const [browsing, setBrowsing] = useState(false);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const aborter = useRef<AbortController | null>(null);
  const attachedIds = new Set(attached.map((a) => a.id));
  const choices = library.filter((item) => item.status === 'ready');

  const start = async (file: File) => {
    setProblem(null);
    setUpload({ fileName: file.name, percent: 0, done: false });
    aborter.current = new AbortController();
    try {
      const item = await uploadMedia(api, file, {
        signal: aborter.current.signal,
        onProgress: ({ loaded, total }) =>
          setUpload({
            fileName: file.name,
            percent: total > 0 ? Math.round((loaded / total) * 100) : 0,
            done: false,
          }),
      });
      setUpload({ fileName: file.name, percent: 100, done: true });
      onUploaded(item);
      onAttach(item);
    } catch (error) {
      setUpload(null);
      if (isAbortError(error)) return;
      setProblem(
        isApiProblem(error)
          ? error
          : new ApiProblem({
              title: 'The upload failed',
              status: 0,
              code: 'upload_failed',
              detail: String(error),
            }),
      );
    } finally {
      aborter.current = null;
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="space-y-3">
      {attached.length > 0 ? (
        <ul className="flex flex-wrap gap-3" aria-label="Attached media">
          {attached.map((item) => (
            <li key={item.id} className="flex items-center gap-2 rounded-lg p-1.5 ring-1 ring-slate-200">
              <Thumbnail item={item} />
              <div className="max-w-40 text-xs">
                <p className="truncate font-medium text-slate-800">{label(item)}</p>
                <Button
                  variant="dangerGhost"
                  size="sm"
                  onClick={() => onDetach(item.id)}
                  aria-label={`Remove ${label(item)}`}
                >
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No media attached.</p>
      )}

      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          size="sm"
          aria-expanded={browsing}
          onClick={() => setBrowsing((open) => !open)}
        >
          {browsing ? 'Close the library' : 'Choose from the library'}
        </Button>
        <input
          ref={input}
          id="compose-upload"
          type="file"
          accept="image/*,video/*"
          className="sr-only"
          disabled={upload !== null && !upload.done}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void start(file);
          }}
        />
        <label
          htmlFor="compose-upload"
          className="inline-flex cursor-pointer items-center rounded-lg bg-white px-2.5 py-1.5 text-[13px] font-medium text-slate-700 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
        >
          Upload a file
        </label>
        {upload && !upload.done ? (
          <Button variant="ghost" size="sm" onClick={() => aborter.current?.abort()}>
            Cancel upload
          </Button>
        ) : null}
      </div>

      {upload ? (
        <div className="max-w-sm space-y-1">
          <progress
            aria-label={`Uploading ${upload.fileName}`}
            max={100}
            value={upload.percent}
            className="h-2 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-slate-100 [&::-webkit-progress-value]:bg-brand-600"
          />
          <p role="status" className="text-xs text-slate-600" data-testid="upload-status">
            {upload.done
              ? `${upload.fileName} uploaded.`
              : `Uploading ${upload.fileName}: ${upload.percent}%`}
          </p>
        </div>
      ) : null}
      <FormProblem problem={problem} />

      {browsing ? (
        choices.length === 0 ? (
          <p className="text-sm text-slate-500">The library is empty; upload a file.</p>
        ) : (
          <ul
            className="grid grid-cols-[repeat(auto-fill,minmax(6rem,1fr))] gap-2"
            aria-label="Media library"
          >
            {choices.map((item) => {
              const on = attachedIds.has(item.id);
              return (
                <li key={item.id}>
                  <button
                    type="button"
                    aria-pressed={on}
                    onClick={() => (on ? onDetach(item.id) : onAttach(item))}
                    className={`flex w-full flex-col items-center gap-1 rounded-lg p-1.5 text-xs ring-1 ring-inset ${
                      on ? 'bg-brand-50 ring-brand-400' : 'ring-slate-200 hover:bg-slate-50'
                    }`}
                  >
                    <Thumbnail item={item} />
                    <span className="w-full truncate text-slate-700">{label(item)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
    </div>
  );
}
