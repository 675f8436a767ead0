import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import type { MediaStore } from '../../../functions/core/ports';

/** The MediaStore contract: object round trips and the shape of a browser upload form. */
export function describeMediaStoreContract(
  name: string,
  create: (clock: ManualClock) => Promise<MediaStore> | MediaStore,
): void {
  describe(`MediaStore contract: ${name}`, () => {
    let clock: ManualClock;
    let store: MediaStore;

    beforeEach(async () => {
      clock = new ManualClock('2025-06-01T12:00:00.000Z');
      store = await create(clock);
    });

    it('puts, heads, gets and deletes objects', async () => {
      const bytes = new Uint8Array([0, 1, 2, 250, 255]);
      await store.put('org-1/media/a.bin', bytes, 'application/octet-stream');
      await store.put('org-1/reports/r.csv', 'a,b\n1,2\n', 'text/csv');
      expect(await store.get('org-1/media/a.bin')).toEqual(bytes);
      expect(new TextDecoder().decode(await store.get('org-1/reports/r.csv'))).toBe('a,b\n1,2\n');
      expect(await store.head('org-1/reports/r.csv')).toEqual({
        key: 'org-1/reports/r.csv',
        size: 8,
        contentType: 'text/csv',
      });
      await store.delete('org-1/media/a.bin');
      expect(await store.get('org-1/media/a.bin')).toBeUndefined();
      expect(await store.head('org-1/media/a.bin')).toBeUndefined();
    });

    it('reports a missing object as undefined and deleting it as fine', async () => {
      expect(await store.get('org-1/none.png')).toBeUndefined();
      expect(await store.head('org-1/none.png')).toBeUndefined();
      await expect(store.delete('org-1/none.png')).resolves.toBeUndefined();
    });

    it('reads a range of an object, short at its end, and nothing past it', async () => {
      const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
      await store.put('org-1/media/v.mp4', bytes, 'video/mp4');
      expect(await store.getRange('org-1/media/v.mp4', 0, 4)).toEqual(new Uint8Array([0, 1, 2, 3]));
      expect(await store.getRange('org-1/media/v.mp4', 90, 120)).toEqual(bytes.subarray(90));
      expect(await store.getRange('org-1/media/v.mp4', 100, 110)).toEqual(new Uint8Array());
      expect(await store.getRange('org-1/media/none.mp4', 0, 4)).toBeUndefined();
    });

    it('replaces an object on a second put', async () => {
      await store.put('org-1/x.txt', 'one', 'text/plain');
      await store.put('org-1/x.txt', 'three', 'text/markdown');
      expect(await store.head('org-1/x.txt')).toEqual({
        key: 'org-1/x.txt',
        size: 5,
        contentType: 'text/markdown',
      });
    });

    it('creates an upload form for the key and content type, expiring when asked', async () => {
      const upload = await store.createUpload({
        key: 'org-1/media/photo.jpg',
        contentType: 'image/jpeg',
        maxBytes: 5_000_000,
        expiresInSeconds: 900,
      });
      expect(upload.key).toBe('org-1/media/photo.jpg');
      expect(upload.fields.key).toBe('org-1/media/photo.jpg');
      expect(upload.fields['Content-Type']).toBe('image/jpeg');
      expect(upload.expiresAt).toEqual(new Date('2025-06-01T12:15:00.000Z'));
      expect(new URL(upload.url).protocol).toMatch(/^https?:$/);
    });

    it('makes a download URL for a key', async () => {
      await store.put('org-1/media/photo.jpg', 'jpeg', 'image/jpeg');
      const url = new URL(await store.getDownloadUrl('org-1/media/photo.jpg', 300));
      expect(decodeURIComponent(url.pathname)).toContain('org-1/media/photo.jpg');
    });
  });
}
