import { createFile, Log, MP4BoxBuffer, type Movie } from 'mp4box';

/** Reads bytes [start, end) of the stored object. */
export type RangeRead = (start: number, end: number) => Promise<Uint8Array>;

/** Bytes fetched per read: a movie header usually fits in one, `mdat` is skipped by offset. */
export const HEADER_CHUNK_BYTES = 1024 * 1024;

/**
 * At most this much of a video is read to find its movie header (`moov`). The header of an
 * hour of 60 fps video (sample tables for 216,000 frames) is about 5 MB; the media itself
 * (`mdat`) is never read: the parser answers the offset after it, so a camera file with
 * its header at the end costs two reads, not the whole gigabyte.
 */
export const MAX_HEADER_READ_BYTES = 16 * 1024 * 1024;

export interface VideoHeader {
  durationMs?: number;
  width?: number;
  height?: number;
  /** RFC 6381 codec string of the first video track, e.g. `avc1.64001f`. */
  codec?: string;
}

export type VideoHeaderCheck =
  | ({ ok: true } & VideoHeader)
  | { ok: false; reason: 'no_header' | 'no_video_track' | 'damaged'; detail: string };

// mp4box's log level is global to the process: pin it to errors (one line for a box it does not
// know, such as QuickTime's `©swr` metadata), so no upload can turn on a line per parsed box.
Log.setLogLevel(Log.error);

/**
 * Parses an MP4 / MOV / M4V container's boxes (`ftyp`, `moov` with `mvhd` and each `trak`)
 * with mp4box.js, reading the object in ranges from the start and skipping the media data.
 * Refuses a file without a movie header within the budget or without a video track.
 */
export async function readVideoHeader(
  size: number,
  read: RangeRead,
  /** Bytes from offset 0 already read (the signature sniff's), so they are not fetched again. */
  prefix: Uint8Array = new Uint8Array(),
): Promise<VideoHeaderCheck> {
  const file = createFile();
  let movie: Movie | undefined;
  let failure: string | undefined;
  file.onReady = (info) => {
    movie = info;
  };
  file.onError = (module, message) => {
    failure = `${module}: ${message}`;
  };
  let next = 0;
  let budget = MAX_HEADER_READ_BYTES;
  try {
    while (!movie && !failure && next < size && budget > 0) {
      const end = Math.min(size, next + Math.min(HEADER_CHUNK_BYTES, budget));
      const bytes = next === 0 && prefix.length > 0 ? prefix : await read(next, end);
      if (bytes.length === 0) break;
      budget -= bytes.length;
      const chunk = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      const wanted = file.appendBuffer(
        MP4BoxBuffer.fromArrayBuffer(chunk, next),
        next + bytes.length >= size,
      );
      // The parser answers where it wants to read next; anything not ahead of us means "done".
      next = wanted > next ? wanted : next + bytes.length;
    }
    if (!movie && !failure) file.flush();
  } catch (error) {
    // A box whose sizes point outside itself makes the parser read past its buffer.
    return { ok: false, reason: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  }
  if (failure) return { ok: false, reason: 'damaged', detail: failure };
  if (!movie?.hasMoov) {
    return {
      ok: false,
      reason: 'no_header',
      detail: `no movie header in the first ${MAX_HEADER_READ_BYTES - budget} bytes read`,
    };
  }
  const video = movie.videoTracks[0];
  if (!video)
    return { ok: false, reason: 'no_video_track', detail: `${movie.tracks.length} track(s), none video` };
  const width = video.video?.width || Math.round(video.track_width);
  const height = video.video?.height || Math.round(video.track_height);
  return {
    ok: true,
    ...durationOf(movie),
    ...(width > 0 && height > 0 ? { width, height } : {}),
    ...(video.codec ? { codec: video.codec } : {}),
  };
}

/** The movie header's duration, or a fragmented file's (`mehd`) when the header says 0. */
function durationOf(movie: Movie): { durationMs?: number } {
  const fragment = movie.fragment_duration;
  const [units, timescale] =
    movie.duration > 0 ? [movie.duration, movie.timescale] : fragment ? [fragment.num, fragment.den] : [0, 0];
  if (!(units > 0 && timescale > 0) || units === 0xffffffff) return {};
  const durationMs = Math.round((units * 1000) / timescale);
  return Number.isSafeInteger(durationMs) && durationMs <= 2 ** 31 - 1 ? { durationMs } : {};
}
