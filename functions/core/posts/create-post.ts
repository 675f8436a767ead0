import type { Transaction } from '../../db/tenant';
import { recordAudit } from '../audit/record-audit';
import { authorZone, insertPost } from './insert-post';
import { loadPost } from './load-post';
import type { PostActor } from './post-actor';
import { postEffects } from './post-effects';
import type { NewPostInput } from './post-input';
import type { PostOutcome } from './post-outcome';
import type { PostPorts } from './post-ports';
import { assertReferences } from './references';

/** A new draft with its targets; accounts and media must be the organization's own. */
export async function createPost(
  tx: Transaction,
  ports: Pick<PostPorts, 'clock'>,
  actor: PostActor,
  input: NewPostInput,
): Promise<PostOutcome> {
  const now = ports.clock.now();
  const { organizationId, userId } = actor;
  await assertReferences(tx, organizationId, input);
  const timezone = input.timezone ?? (await authorZone(tx, userId));
  const id = await insertPost(tx, organizationId, userId, { ...input, timezone }, now);
  await recordAudit(tx, actor.audit, {
    action: 'create',
    resourceType: 'post',
    resourceId: id,
    newValues: { targets: input.targets.length },
  });
  return {
    post: await loadPost(tx, organizationId, id),
    effects: postEffects(organizationId, 'created', [id]),
  };
}
