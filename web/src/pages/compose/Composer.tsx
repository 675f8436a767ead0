import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { unwrap } from '../../api/client';
import { isApiProblem, type ApiProblem } from '../../api/problem';
import type { components } from '../../api/schema.gen';
import { useServices } from '../../app/services';
import { Card } from '../../components/Card';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormProblem } from '../../components/FormProblem';
import { MEDIA_KEY, POSTS_KEY } from '../../publishing/query-keys';
import { AccountPicker } from './AccountPicker';
import type { ComposerAccount } from './accounts';
import { appendHashtag } from './assistant/append-hashtag';
import { BestTimeButton } from './assistant/BestTimeButton';
import { ComposerAssistant } from './assistant/ComposerAssistant';
import {
  buildPostRequest,
  customise,
  dropOverride,
  emptyComposer,
  setOverride,
  stateFromPost,
  toggleAccount,
  type ComposerState,
  type Post,
} from './compose-state';
import { MainEditor } from './MainEditor';
import { MediaAttach } from './MediaAttach';
import { NetworkTabs } from './NetworkTabs';
import { PostPreview } from './PostPreview';
import { placeFieldErrors } from './problem-mapping';
import { checkScheduleTime, defaultSlot, wallClockAt } from './schedule-time';
import { blockingReasons, checkTargets } from './target-checks';
import { useReviewNeeded } from './use-review-needed';
import { WhenPanel, type SubmitAction } from './WhenPanel';

type LibraryMedia = components['schemas']['Media'];

/**
 * Where the time picker starts: the post's own schedule when editing, else the instant the
 * calendar's "+" asked for (`/compose?at=`), else the next sensible slot.
 */
function initialSlot(post: Post | undefined, zone: string, requestedAt: string | null) {
  const scheduled = post?.targets.find((t) => t.status === 'scheduled' && t.scheduledAt);
  const start = scheduled?.scheduledAt ?? requestedAt;
  const startZone = scheduled?.timezone ?? zone;
  if (start && !Number.isNaN(new Date(start).getTime())) {
    try {
      const wall = wallClockAt(new Date(start), startZone);
      return { date: wall.date, time: wall.time, zone: startZone };
    } catch {
      // An unknown stored zone: fall through to a fresh slot.
    }
  }
  return { ...defaultSlot(new Date(), zone), zone };
}

/** The composer itself, for a new post or a loaded editable one. */
export function Composer({
  accounts,
  library,
  post,
  authorZone,
  requestedAt = null,
}: {
  accounts: readonly ComposerAccount[];
  library: readonly LibraryMedia[];
  post?: Post;
  authorZone: string;
  /** An ISO instant to start the time picker at (from the calendar). */
  requestedAt?: string | null;
}) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [state, setState] = useState<ComposerState>(() => (post ? stateFromPost(post) : emptyComposer()));
  const [tab, setTab] = useState('');
  const [slot, setSlot] = useState(() => initialSlot(post, post?.timezone ?? authorZone, requestedAt));
  const [uploaded, setUploaded] = useState<LibraryMedia[]>([]);
  const [postId, setPostId] = useState(post?.id ?? null);
  const [savedTargets, setSavedTargets] = useState(post?.targets ?? []);
  const [sentAccountIds, setSentAccountIds] = useState<string[]>([]);
  const [confirmPublish, setConfirmPublish] = useState(false);

  const mediaById = useMemo(
    () => new Map([...library, ...uploaded].map((item) => [item.id, item])),
    [library, uploaded],
  );
  // A loaded post's account that is no longer offered (switched off) has no editor, but
  // stays in the request so saving does not silently drop it.
  const chosen = state.accountIds.flatMap((id) => accounts.filter((a) => a.id === id));
  const checks = useMemo(() => checkTargets(state, accounts, mediaById), [state, accounts, mediaById]);
  const blocking = blockingReasons(state, checks);
  const schedule = checkScheduleTime(slot.date, slot.time, slot.zone, new Date());
  const attached = state.mediaIds.flatMap((id) => {
    const item = mediaById.get(id);
    return item ? [item] : [];
  });

  const save = async (): Promise<Post> => {
    const body = buildPostRequest(state, accounts, {
      timezone: slot.zone,
      mediaKinds: attached.map((item) => item.kind),
    });
    setSentAccountIds(body.targets.map((t) => t.socialAccountId));
    const saved = postId
      ? await unwrap(api.PUT('/posts/{id}', { params: { path: { id: postId } }, body }))
      : await unwrap(api.POST('/posts', { body }));
    setPostId(saved.id);
    setSavedTargets(saved.targets);
    return saved;
  };

  const review = useReviewNeeded(post);
  const submit = useMutation({
    mutationFn: async (action: SubmitAction): Promise<Post> => {
      const saved = await save();
      const path = { params: { path: { id: saved.id } } };
      if (action === 'schedule') {
        if (!schedule.ok) throw new Error(schedule.message);
        return unwrap(api.POST('/posts/{id}/schedule', { ...path, body: schedule.request }));
      }
      if (action === 'publish') return unwrap(api.POST('/posts/{id}/publish', path));
      if (action === 'review') return unwrap(api.POST('/posts/{id}/submit', { ...path, body: {} }));
      return saved;
    },
    onSuccess: (saved) => {
      setConfirmPublish(false);
      void navigate(`/posts/${saved.id}`);
    },
    onError: () => setConfirmPublish(false),
    onSettled: () => queryClient.invalidateQueries({ queryKey: POSTS_KEY }),
  });
  const problem: ApiProblem | null = isApiProblem(submit.error) ? submit.error : null;
  const placed = placeFieldErrors(problem?.errors ?? [], { savedTargets, requestAccountIds: sentAccountIds });

  const act = (action: SubmitAction) => {
    if (action === 'publish') setConfirmPublish(true);
    else submit.mutate(action);
  };
  const selectedTab = checks.some((c) => c.account.id === tab) ? tab : (checks[0]?.account.id ?? '');

  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-6">
        <Card title="Accounts" description="Where this post goes.">
          <AccountPicker
            accounts={accounts}
            selected={state.accountIds}
            onToggle={(id) => setState((s) => toggleAccount(s, id))}
          />
        </Card>
        <Card title="Content" description="One text for every network; customise it per network below.">
          <MainEditor state={state} chosen={chosen} checks={checks} onChange={setState} />
        </Card>
        <Card title="Media" description="Images and videos from your library, or new uploads.">
          <MediaAttach
            library={[...uploaded, ...library.filter((item) => !uploaded.some((u) => u.id === item.id))]}
            attached={attached}
            onAttach={(item) =>
              setState((s) =>
                s.mediaIds.includes(item.id) ? s : { ...s, mediaIds: [...s.mediaIds, item.id] },
              )
            }
            onDetach={(id) => setState((s) => ({ ...s, mediaIds: s.mediaIds.filter((m) => m !== id) }))}
            onUploaded={(item) => {
              setUploaded((items) => [item, ...items.filter((i) => i.id !== item.id)]);
              void queryClient.invalidateQueries({ queryKey: MEDIA_KEY });
            }}
          />
        </Card>
        {checks.length > 0 ? (
          <Card title="Per network" description="What each account will publish, its length and its issues.">
            <NetworkTabs
              state={state}
              checks={checks}
              selected={selectedTab}
              serverErrors={placed.byAccount}
              onSelect={setTab}
              onCustomise={(id) => setState((s) => customise(s, id))}
              onUseMainText={(id) => setState((s) => dropOverride(s, id))}
              onOverride={(id, text) => setState((s) => setOverride(s, id, text))}
              preview={(check) => <PostPreview check={check} mediaById={mediaById} />}
            />
          </Card>
        ) : null}
      </div>
      <div className="space-y-6">
        <Card title="When" description="Schedule it, publish it now, or keep it as a draft.">
          <FormProblem problem={problem} className="mb-4" />
          {placed.general.length > 0 && problem && placed.general.some((m) => m !== problem.detail) ? (
            <ul className="mb-4 list-disc pl-5 text-sm text-rose-800">
              {placed.general.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
          <WhenPanel
            date={slot.date}
            time={slot.time}
            timeZone={slot.zone}
            onDate={(date) => setSlot((s) => ({ ...s, date }))}
            onTime={(time) => setSlot((s) => ({ ...s, time }))}
            onTimeZone={(zone) => setSlot((s) => ({ ...s, zone }))}
            schedule={schedule}
            blocking={blocking}
            busy={submit.isPending ? (submit.variables ?? null) : null}
            canSave={state.accountIds.length > 0}
            onSubmit={act}
            review={review}
            bestTime={
              <BestTimeButton
                accounts={chosen}
                timeZone={slot.zone}
                onSlot={(next) => setSlot((s) => ({ ...s, ...next }))}
              />
            }
          />
        </Card>
        <Card
          title="AI assistant"
          description="Drafts, rewrites, hashtags and a forecast from your own history; nothing changes until you insert it."
        >
          <ComposerAssistant
            text={state.content}
            chosen={chosen}
            mediaCount={attached.length}
            scheduledAt={schedule.ok ? schedule.at : null}
            timeZone={slot.zone}
            onInsert={(text) => setState((s) => ({ ...s, content: text }))}
            onAddHashtag={(tag) => setState((s) => ({ ...s, content: appendHashtag(s.content, tag) }))}
          />
        </Card>
      </div>
      <ConfirmDialog
        open={confirmPublish}
        title="Publish now?"
        confirmLabel="Publish now"
        confirmVariant="primary"
        busy={submit.isPending}
        onCancel={() => setConfirmPublish(false)}
        onConfirm={() => submit.mutate('publish')}
      >
        The post goes out to {chosen.length} {chosen.length === 1 ? 'account' : 'accounts'} right away.
        Published posts cannot be edited here afterwards.
      </ConfirmDialog>
    </div>
  );
}
