import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../area-handler';
import { checkTargets, loadPost } from './post-records';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const countGraphemes = (text: string) => [...graphemes.segment(text)].length;

/** Each target's text after variants, a character counter and its connector's issues. */
export const previewPost: Operation = async ({ params }, { container, auth }) =>
  withTenant(container.db, auth!.organizationId, async (tx) => {
    const { post, targets } = await loadPost(tx, auth!.organizationId, params.id as string);
    const checks = await checkTargets(tx, container, post, targets);
    return {
      body: {
        postId: post.id,
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
  });
