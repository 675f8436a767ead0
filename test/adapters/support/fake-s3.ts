import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type GetObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';

/**
 * An S3Client backed by a Map: Put/Get (with Range)/Head/Delete behave like S3 (NoSuchKey,
 * NotFound, InvalidRange),
 * and the mock keeps every command for exact-input assertions. Fixed credentials and
 * region make presigned URLs and POST policies deterministic.
 */
export function fakeS3() {
  const client = new S3Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
  });
  const objects = new Map<string, { body: Uint8Array; contentType?: string }>();
  const id = (bucket: string | undefined, key: string | undefined): string => `${bucket}/${key}`;
  const mock = mockClient(client);
  mock.on(PutObjectCommand).callsFake((input: PutObjectCommand['input']) => {
    const body =
      typeof input.Body === 'string' ? new TextEncoder().encode(input.Body) : (input.Body as Uint8Array);
    objects.set(id(input.Bucket, input.Key), {
      body: new Uint8Array(body),
      ...(input.ContentType ? { contentType: input.ContentType } : {}),
    });
    return { ETag: '"etag"' };
  });
  mock.on(GetObjectCommand).callsFake((input: GetObjectCommand['input']) => {
    const object = objects.get(id(input.Bucket, input.Key));
    if (!object) throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} });
    // `bytes=start-end`, end inclusive, clipped to the object; a start past the end is S3's 416.
    const range = /^bytes=(\d+)-(\d+)$/.exec(input.Range ?? '');
    if (range && Number(range[1]) >= object.body.length) {
      throw new S3ServiceException({
        name: 'InvalidRange',
        $fault: 'client',
        $metadata: { httpStatusCode: 416 },
      });
    }
    const bytes = range ? object.body.subarray(Number(range[1]), Number(range[2]) + 1) : object.body;
    const body = {
      transformToByteArray: async () => bytes,
    } as unknown as GetObjectCommandOutput['Body'];
    return { Body: body, ContentType: object.contentType, ContentLength: bytes.length };
  });
  mock.on(HeadObjectCommand).callsFake((input: HeadObjectCommand['input']) => {
    const object = objects.get(id(input.Bucket, input.Key));
    if (!object) throw new NotFound({ message: 'Not Found', $metadata: {} });
    return { ContentType: object.contentType, ContentLength: object.body.length };
  });
  mock.on(DeleteObjectCommand).callsFake((input: DeleteObjectCommand['input']) => {
    objects.delete(id(input.Bucket, input.Key));
    return {};
  });
  return { client, mock, objects };
}
