import type { ApiClient } from '../api/client';
import { unwrap } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { components } from '../api/schema.gen';

export type MediaItem = components['schemas']['Media'];
type UploadRequest = components['schemas']['CreateMediaUploadRequest'];

export interface UploadProgress {
  /** Bytes sent so far. */
  loaded: number;
  total: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/** Sends a multipart form to the storage URL and resolves with its status and body. */
export type FormTransport = (
  url: string,
  form: FormData,
  options: UploadOptions,
) => Promise<{ status: number; body: string }>;

/**
 * The parts of XMLHttpRequest used here, spelled out because the unit tests type-check this
 * module under Node's types, which have no DOM library.
 */
interface UploadRequestLike {
  status: number;
  responseText: string;
  upload: { addEventListener(type: 'progress', listener: (event: ProgressLike) => void): void };
  open(method: string, url: string): void;
  send(body: FormData): void;
  abort(): void;
  addEventListener(type: 'load' | 'error' | 'abort', listener: () => void): void;
}
interface ProgressLike {
  lengthComputable: boolean;
  loaded: number;
  total: number;
}

/**
 * The file goes straight from the browser to storage (S3 presigned POST in AWS, the local
 * runtime's stand-in on a laptop), never through Lambda, so files up to the networks'
 * largest (hundreds of MB of video) upload fine. XMLHttpRequest, because fetch still cannot
 * report upload progress.
 */
export const xhrTransport: FormTransport = (url, form, { onProgress, signal }) =>
  new Promise((resolve, reject) => {
    const request = new (
      globalThis as unknown as { XMLHttpRequest: new () => UploadRequestLike }
    ).XMLHttpRequest();
    request.open('POST', url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    });
    request.addEventListener('load', () => resolve({ status: request.status, body: request.responseText }));
    request.addEventListener('error', () =>
      reject(new ApiProblem({ title: 'The upload was interrupted', status: 0, code: 'network_error' })),
    );
    request.addEventListener('abort', () => reject(new DOMException('Upload cancelled', 'AbortError')));
    if (signal?.aborted) {
      reject(new DOMException('Upload cancelled', 'AbortError'));
      return;
    }
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });

/**
 * Storage refuses with S3's XML error document (`<Error><Code>EntityTooLarge</Code>
 * <Message>…</Message>`); this turns it into the problem the pages already know how to show.
 */
export function storageProblem(status: number, body: string): ApiProblem {
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  const detail =
    code === 'EntityTooLarge'
      ? 'The file is larger than the upload allows.'
      : code === 'AccessDenied' && message?.includes('expired')
        ? 'The upload link expired; try again.'
        : (message ?? 'Storage refused the file.');
  return new ApiProblem({ title: 'The upload was refused', status, code: 'upload_refused', detail });
}

/**
 * Uploads one file to the media library: asks the API for a presigned form (which checks
 * the type and size against the plan), sends the file with progress, then confirms it so the
 * API inspects the stored object and marks it ready. Resolves with the ready media item.
 */
export async function uploadMedia(
  api: ApiClient,
  file: File,
  options: UploadOptions = {},
  transport: FormTransport = xhrTransport,
): Promise<MediaItem> {
  const started = await unwrap(
    api.POST('/media/upload', {
      // The API checks the type against what the networks take and answers a clear 400.
      body: { fileName: file.name, contentType: file.type as UploadRequest['contentType'], size: file.size },
      signal: options.signal,
    }),
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(started.upload.fields)) form.append(name, value);
  // S3 ignores every field after `file`, so it goes last.
  form.append('file', file);
  const sent = await transport(started.upload.url, form, options);
  if (sent.status < 200 || sent.status >= 300) throw storageProblem(sent.status, sent.body);
  options.onProgress?.({ loaded: file.size, total: file.size });
  return unwrap(
    api.POST('/media/{id}/complete', { params: { path: { id: started.media.id } }, signal: options.signal }),
  );
}
