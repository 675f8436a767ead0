import type { MediaStore } from '../ports';
import { inspectContent, isRefusal, type ContentRefusalReason, type MediaContent } from './inspect-content';

/** The row fields a judgement needs: where the object is and what the browser declared. */
export interface PendingUpload {
  s3Key: string;
  mimeType: string;
  sizeBytes: number;
}

export type UploadRefusalReason = ContentRefusalReason | 'size_mismatch';

export type UploadJudgement =
  | { verdict: 'missing' }
  | {
      verdict: 'refused';
      reason: UploadRefusalReason;
      message: string;
      /** What the audit log keeps: the reason, the declared and sniffed types, parser detail. */
      audit: Record<string, unknown>;
    }
  | { verdict: 'accepted'; content: MediaContent };

/**
 * Judges the object a browser stored for a pending upload: present, of the declared size,
 * and (whatever it was declared as) an image or video whose content Plume could read.
 */
export async function judgeStoredUpload(store: MediaStore, upload: PendingUpload): Promise<UploadJudgement> {
  const stored = await store.head(upload.s3Key);
  if (!stored) return { verdict: 'missing' };
  const refuse = (reason: UploadRefusalReason, message: string, extra: Record<string, unknown> = {}) => ({
    verdict: 'refused' as const,
    reason,
    message,
    audit: { reason, declaredType: upload.mimeType, sizeBytes: stored.size, ...extra },
  });
  // Emptiness first: "0 bytes, not the 1,234 declared" would hide the plain reason.
  if (stored.size !== 0 && stored.size !== upload.sizeBytes) {
    return refuse(
      'size_mismatch',
      `The file that arrived is ${stored.size} bytes, not the ${upload.sizeBytes} bytes announced; upload it again.`,
    );
  }
  const result = await inspectContent({
    size: stored.size,
    read: async (start, end) => {
      const bytes = await store.getRange(upload.s3Key, start, end);
      if (!bytes) throw new Error('The stored file disappeared while it was being read.');
      return bytes;
    },
  });
  if (isRefusal(result)) {
    return refuse(result.reason, result.message, {
      ...(result.mimeType ? { sniffedType: result.mimeType } : {}),
      ...(result.detail ? { detail: result.detail.slice(0, 500) } : {}),
    });
  }
  return { verdict: 'accepted', content: result };
}
