import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inspectContent,
  isRefusal,
  type ContentRefusal,
  type MediaContent,
} from '../../../functions/core/media/inspect-content';
import { MAX_HEADER_READ_BYTES } from '../../../functions/core/media/iso-bmff-header';
import { gifHeader, makeGif, makeJpeg, makePng, makeWebp } from './images';
import { box, concat, topLevelBoxes, videoFixture, virtualVideo } from './mp4';

const stored = (bytes: Uint8Array) => ({
  size: bytes.length,
  read: async (start: number, end: number) => bytes.subarray(start, end),
});
const inspect = (bytes: Uint8Array) => inspectContent(stored(bytes));

async function refusal(bytes: Uint8Array): Promise<ContentRefusal> {
  const result = await inspect(bytes);
  if (!isRefusal(result)) throw new Error(`accepted as ${JSON.stringify(result)}`);
  return result;
}
async function accepted(bytes: Uint8Array): Promise<MediaContent> {
  const result = await inspect(bytes);
  if (isRefusal(result)) throw new Error(`refused: ${result.message}`);
  return result;
}

const text = (s: string) => new TextEncoder().encode(s);

describe('inspectContent: the type comes from the bytes', () => {
  it('decodes PNG, JPEG, WebP and GIF and answers their real type and size', async () => {
    expect(await accepted(await makePng(31, 17))).toEqual({ mimeType: 'image/png', width: 31, height: 17 });
    expect(await accepted(await makeJpeg(40, 30))).toEqual({ mimeType: 'image/jpeg', width: 40, height: 30 });
    expect(await accepted(await makeWebp(9, 10))).toEqual({ mimeType: 'image/webp', width: 9, height: 10 });
    expect(await accepted(makeGif(12, 7))).toEqual({ mimeType: 'image/gif', width: 12, height: 7 });
  });

  it('refuses a text file, whatever it was called, in words a person uses', async () => {
    const refused = await refusal(text('Meeting notes: bring the banner.\nNot a picture at all.'));
    expect(refused.reason).toBe('unrecognised');
    expect(refused.message).toMatch(/^This file is not an image or a video/);
  });

  it('says an empty file is empty', async () => {
    expect(await refusal(new Uint8Array())).toEqual({ reason: 'empty', message: 'The file is empty.' });
  });

  it('names another kind of file it recognises, without calling it media', async () => {
    const pdf = await refusal(text('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'));
    expect(pdf).toMatchObject({ reason: 'not_media', mimeType: 'application/pdf' });
    expect(pdf.message).toContain('not an image or a video that a network takes');
  });

  it('refuses a file that starts like an image but does not decode', async () => {
    // A real PNG signature and header chunk, then prose where the pixel data should be.
    const pngHeader = (await makePng(16, 16)).subarray(0, 33);
    const fakePng = await refusal(concat(pngHeader, text('no pixel data here, just text')));
    expect(fakePng).toMatchObject({ reason: 'damaged', mimeType: 'image/png' });
    expect(fakePng.message).toBe(
      'This file starts like a PNG image, but its picture could not be read: it is damaged or not really an image.',
    );
    // A real PNG whose pixel data was cut off, and a GIF that is only a screen header.
    const png = await makePng(64, 64);
    expect((await refusal(png.subarray(0, Math.floor(png.length / 2)))).reason).toBe('damaged');
    expect(await refusal(gifHeader(10, 10))).toMatchObject({ reason: 'damaged', mimeType: 'image/gif' });
    // A JPEG's start-of-image marker followed by text.
    expect(
      (await refusal(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...text('JFIF but no more')]))).reason,
    ).toBe('damaged');
  });

  it('refuses a header that claims more pixels than Plume decodes, before decoding', async () => {
    const png = await makePng(8, 8);
    const giant = png.slice();
    const view = new DataView(giant.buffer);
    view.setUint32(16, 20_000); // IHDR width
    view.setUint32(20, 20_000); // IHDR height
    const refused = await refusal(giant);
    expect(refused).toMatchObject({ reason: 'too_large', mimeType: 'image/png' });
    expect(refused.message).toBe(
      'This image is 20000 × 20000 pixels; Plume takes images of up to 64 megapixels.',
    );
  });

  it('refuses an image type a network takes but Plume cannot check, saying what to do', async () => {
    const heic = concat(box('ftyp', text('heic\0\0\0\0mif1heic')), box('meta', new Uint8Array(32)));
    const refused = await refusal(heic);
    expect(refused).toMatchObject({ reason: 'unchecked', mimeType: 'image/heic' });
    expect(refused.message).toContain('Convert it to JPEG or PNG first');
  });

  it('holds the real type to its own size limit, not the declared one', async () => {
    // 6 MB of a real GIF would pass as a video's size; X's GIF limit is 15 MB, so build 101 MB.
    const gif = makeGif(4, 4);
    const huge = {
      size: 101 * 1024 * 1024,
      read: async (start: number, end: number) => gif.subarray(start, end),
    };
    const result = await inspectContent(huge);
    expect(result).toMatchObject({ reason: 'too_large', mimeType: 'image/gif' });
  });
});

describe('inspectContent: video containers', () => {
  it('reads duration, dimensions and codec from an MP4 and a MOV header', async () => {
    const expected = { mimeType: 'video/mp4', durationMs: 1500, width: 64, height: 48, codec: 'avc1.64000a' };
    expect(await accepted(videoFixture('clip-faststart.mp4'))).toEqual(expected);
    expect(await accepted(videoFixture('clip-moov-at-end.mp4'))).toEqual(expected);
    expect(await accepted(videoFixture('clip.mov'))).toEqual({
      mimeType: 'video/quicktime',
      durationMs: 2000,
      width: 48,
      height: 64,
      codec: 'avc1.64000a',
    });
  });

  it('finds the header after 3 GB of media data in two reads, never reading the media', async () => {
    const boxes = topLevelBoxes(videoFixture('clip-moov-at-end.mp4'));
    const video = virtualVideo(boxes.get('ftyp')!, 3 * 1024 ** 3, boxes.get('moov')!);
    expect(await inspectContent(video)).toMatchObject({ mimeType: 'video/mp4', width: 64, height: 48 });
    // The signature's 64 KB, then straight past the media to the header at the end.
    expect(video.reads.map(([start]) => start)).toEqual([0, video.size - boxes.get('moov')!.length]);
    expect(video.bytesRead()).toBeLessThan(70 * 1024);
  });

  it('gives up on a video with no header within the read budget', async () => {
    const boxes = topLevelBoxes(videoFixture('clip-faststart.mp4'));
    // 40 MB of `free` boxes before anything useful: the budget ends the search.
    const filler = box('free', new Uint8Array(1024 * 1024 - 8));
    const parts = [boxes.get('ftyp')!, ...Array.from({ length: 40 }, () => filler), boxes.get('moov')!];
    const bytes = concat(...parts);
    let read = 0;
    const result = await inspectContent({
      size: bytes.length,
      read: async (start, end) => {
        read += end - start;
        return bytes.subarray(start, end);
      },
    });
    expect(result).toMatchObject({ reason: 'damaged', mimeType: 'video/mp4' });
    expect(read).toBeLessThanOrEqual(64 * 1024 + MAX_HEADER_READ_BYTES);
  });

  it('refuses a sound-only MP4, a cut-off one, and a text file after an MP4 signature', async () => {
    const sound = await refusal(videoFixture('sound-only.mp4'));
    expect(sound.message).toBe(
      'This file starts like an MP4 video, but it has no video track (sound only?). Networks need a video.',
    );
    const clip = videoFixture('clip-faststart.mp4');
    expect((await refusal(clip.subarray(0, 600))).reason).toBe('damaged');
    const ftyp = topLevelBoxes(clip).get('ftyp')!;
    expect((await refusal(concat(ftyp, text('and then some prose instead of boxes')))).reason).toBe(
      'damaged',
    );
  });

  it('accepts a WebM by its signature, with nothing read from it', async () => {
    expect(await accepted(videoFixture('clip.webm'))).toEqual({ mimeType: 'video/webm' });
  });

  it('answers every byte string with a verdict, never an exception', async () => {
    const clip = videoFixture('clip-faststart.mp4');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          // Real files with bytes flipped: the parsers see plausible but broken structures.
          fc
            .array(fc.tuple(fc.nat(clip.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 })
            .map((flips) => {
              const copy = clip.slice();
              for (const [at, value] of flips) copy[at] = value;
              return copy;
            }),
        ),
        async (bytes) => {
          const result = await inspect(bytes);
          if (isRefusal(result)) expect(result.message.length).toBeGreaterThan(10);
          else expect(result.mimeType).toMatch(/^(image|video)\//);
        },
      ),
      { numRuns: 150 },
    );
  });
});
