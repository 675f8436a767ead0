import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../../web/src/api/problem';
import { uploadProblemText } from '../../../web/src/pages/media/upload-problem';
import {
  uploadPercent,
  uploadQueue,
  uploadSummary,
  type UploadEntry,
} from '../../../web/src/pages/media/upload-queue';

const added = uploadQueue([], {
  type: 'added',
  entries: [
    { key: 'a', fileName: 'a.png', sizeBytes: 200 },
    { key: 'b', fileName: 'b.jpg', sizeBytes: 100 },
  ],
});
const entry = (entries: UploadEntry[], key: string) => entries.find((e) => e.key === key)!;

describe('upload queue', () => {
  it('adds files as uploads in progress', () => {
    expect(added.map((e) => [e.key, e.state, e.loaded])).toEqual([
      ['a', 'uploading', 0],
      ['b', 'uploading', 0],
    ]);
    expect(uploadSummary(added)).toBe('0 of 2 files uploaded, 2 in progress');
  });

  it('moves progress forward only, within the file size', () => {
    let entries = uploadQueue(added, { type: 'progress', key: 'a', loaded: 50 });
    expect(uploadPercent(entry(entries, 'a'))).toBe(25);
    entries = uploadQueue(entries, { type: 'progress', key: 'a', loaded: 20 });
    expect(entry(entries, 'a').loaded).toBe(50);
    entries = uploadQueue(entries, { type: 'progress', key: 'a', loaded: 999 });
    expect(uploadPercent(entry(entries, 'a'))).toBe(100);
    expect(entry(entries, 'b').loaded).toBe(0);
  });

  it('ends each file on its own: done, refused with a reason, cancelled', () => {
    let entries = uploadQueue(added, { type: 'done', key: 'a' });
    entries = uploadQueue(entries, { type: 'failed', key: 'b', message: 'Too large.' });
    expect(entry(entries, 'a')).toMatchObject({ state: 'done', loaded: 200 });
    expect(entry(entries, 'b')).toMatchObject({ state: 'failed', message: 'Too large.' });
    expect(uploadSummary(entries)).toBe('1 of 2 files uploaded, 1 refused');
  });

  it('ignores events that arrive after an upload ended', () => {
    let entries = uploadQueue(added, { type: 'cancelled', key: 'a' });
    entries = uploadQueue(entries, { type: 'progress', key: 'a', loaded: 100 });
    entries = uploadQueue(entries, { type: 'done', key: 'a' });
    expect(entry(entries, 'a')).toMatchObject({ state: 'cancelled', loaded: 0 });
  });

  it('clears finished uploads and keeps running ones', () => {
    let entries = uploadQueue(added, { type: 'done', key: 'a' });
    entries = uploadQueue(entries, { type: 'cleared' });
    expect(entries.map((e) => e.key)).toEqual(['b']);
    expect(uploadQueue(entries, { type: 'dismissed', key: 'b' })).toEqual([]);
  });
});

const problem = (fields: ConstructorParameters<typeof ApiProblem>[0]) => new ApiProblem(fields);

describe('upload problem text', () => {
  it('says plainly that a type is refused instead of listing every accepted type', () => {
    const refused = problem({
      title: 'Your request has invalid fields',
      status: 400,
      code: 'validation_failed',
      detail: 'Some fields are invalid; see `errors`.',
      errors: [{ field: 'body.contentType', message: 'Invalid option: expected one of "image/avif"|…' }],
    });
    expect(uploadProblemText(refused, { name: 'notes.txt', type: 'text/plain' })).toBe(
      'text/plain files are not accepted: no network takes them.',
    );
    expect(uploadProblemText(refused, { name: 'blob', type: '' })).toContain(
      'cannot tell what kind of file blob is',
    );
  });

  it("keeps the API's words for a file that is too large", () => {
    const tooLarge = problem({
      title: 'Your request has invalid fields',
      status: 400,
      code: 'validation_failed',
      detail: 'No network accepts a image/bmp file this large.',
      errors: [{ field: 'body.size', message: 'At most 4 MB for image/bmp' }],
    });
    expect(uploadProblemText(tooLarge, { name: 'big.bmp', type: 'image/bmp' })).toBe(
      'No network accepts a image/bmp file this large. At most 4 MB for image/bmp.',
    );
  });

  it('uses the field messages when the detail only points at them', () => {
    const generic = problem({
      title: 'Your request has invalid fields',
      status: 400,
      code: 'validation_failed',
      detail: 'Some fields are invalid; see `errors`.',
      errors: [{ field: 'body.size', message: 'The file is empty' }],
    });
    expect(uploadProblemText(generic, { name: 'empty.png', type: 'image/png' })).toBe('The file is empty.');
  });

  it('shows the sentence for a type Plume cannot check, not "no network takes them"', () => {
    const sentence =
      'Plume cannot check a HEIC image yet. Convert it to JPEG or PNG first; Plume takes PNG, JPEG, WebP and GIF images and MP4, MOV, M4V, WebM and MPEG videos.';
    const heic = problem({
      title: 'Your request has invalid fields',
      status: 400,
      code: 'validation_failed',
      detail: sentence,
      errors: [{ field: 'body.contentType', message: sentence }],
    });
    expect(uploadProblemText(heic, { name: 'IMG_0001.heic', type: 'image/heic' })).toBe(sentence);
  });

  it('shows why confirmation refused the content', () => {
    const detail = 'This file is not an image or a video: Plume could not recognise its contents.';
    const unreadable = problem({
      title: 'The file is not a readable image or video',
      status: 422,
      code: 'media_unreadable',
      detail,
      errors: [{ field: 'file', message: detail }],
    });
    expect(uploadProblemText(unreadable, { name: 'notes.png', type: 'image/png' })).toBe(detail);
  });

  it('shows quota and inspection refusals as the API words them', () => {
    const quota = problem({
      title: 'Plan limit reached',
      status: 403,
      code: 'plan_limit_reached',
      detail: 'Your free plan includes 2048 MB of media; 2047.9 MB is used. Delete files or upgrade.',
    });
    expect(uploadProblemText(quota, { name: 'a.png', type: 'image/png' })).toBe(quota.detail);
  });
});
