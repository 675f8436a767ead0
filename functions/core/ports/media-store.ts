/** A browser upload that goes straight to storage (S3 presigned POST), never through Lambda. */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  key: string;
  expiresAt: Date;
}

export interface StoredObject {
  key: string;
  size: number;
  contentType?: string;
}

/** Object storage for media, exports and reports (S3 in AWS). */
export interface MediaStore {
  createUpload(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<PresignedUpload>;
  getDownloadUrl(key: string, expiresInSeconds: number): Promise<string>;
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /**
   * Stores an object written piece by piece (an export of any length) without holding it
   * whole: S3 multipart upload in AWS, a file stream locally. Answers the bytes written.
   */
  putStream(key: string, body: AsyncIterable<Uint8Array | string>, contentType: string): Promise<number>;
  get(key: string): Promise<Uint8Array | undefined>;
  /**
   * Bytes [start, end) of an object (fewer at its end), so a video's header is read without
   * holding the video; undefined when the object does not exist.
   */
  getRange(key: string, start: number, end: number): Promise<Uint8Array | undefined>;
  head(key: string): Promise<StoredObject | undefined>;
  delete(key: string): Promise<void>;
}
