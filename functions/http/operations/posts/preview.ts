import { postPortsOf } from '../../../core/posts/post-ports';
import { previewPost as previewPostUseCase } from '../../../core/posts/preview-post';
import { withTenant } from '../../../db/tenant';
import { countGraphemes } from '../../../shared/platforms/text-measures';
import type { Operation } from '../../operation';

/** Each target's text after variants, a character counter and its network's issues. */
export const previewPost: Operation<'previewPost'> = async ({ params }, { container, auth }) => {
  const { postId, checks } = await withTenant(container.db, auth.organizationId, (tx) =>
    previewPostUseCase(tx, postPortsOf(container), auth.organizationId, params.id),
  );
  return {
    body: {
      postId,
      targets: checks.map(({ target, draft, issues, maxTextLength }) => ({
        targetId: target.id,
        socialAccountId: target.socialAccountId,
        platform: target.platform,
        accountName: target.accountName,
        text: draft.text,
        thread: draft.thread ?? [],
        firstComment: draft.firstComment ?? null,
        media: draft.media.map((m) => ({ id: m.id, kind: m.kind, mimeType: m.mimeType })),
        characters: countGraphemes(draft.text),
        maxTextLength,
        issues,
      })),
    },
  };
};
