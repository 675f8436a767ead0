import type { components } from '../../api/schema.gen';
import { PLATFORM_LOOK, PREVIEW_LOOK } from '../../publishing/platforms';
import { AccountAvatar } from './AccountAvatar';
import type { TargetCheck } from './target-checks';
import { segmentText } from './text-segments';

type LibraryMedia = components['schemas']['Media'];

function RichText({ text, colour }: { text: string; colour: string }) {
  return (
    <p className="text-sm leading-6 break-words whitespace-pre-wrap text-slate-900">
      {segmentText(text).map((segment, index) =>
        segment.kind === 'text' ? (
          <span key={index}>{segment.value}</span>
        ) : (
          <span key={index} data-kind={segment.kind} style={{ color: colour }} className="font-medium">
            {segment.value}
          </span>
        ),
      )}
    </p>
  );
}

function MediaGrid({ items }: { items: LibraryMedia[] }) {
  if (items.length === 0) return null;
  return (
    <div
      className={`grid gap-1 overflow-hidden rounded-lg ${items.length > 1 ? 'grid-cols-2' : 'grid-cols-1'}`}
    >
      {items.slice(0, 4).map((item) =>
        item.kind !== 'video' && item.url ? (
          <img
            key={item.id}
            src={item.url}
            alt={item.altText ?? ''}
            className="aspect-video w-full bg-slate-100 object-cover"
          />
        ) : (
          <div
            key={item.id}
            className="flex aspect-video items-center justify-center bg-slate-800 text-xs font-medium text-white"
          >
            {item.kind === 'video' ? '▶ Video' : (item.fileName ?? 'Image')}
          </div>
        ),
      )}
    </div>
  );
}

/** A plain mock-up of the post on its network, from the editor's state (works before saving). */
export function PostPreview({
  check,
  mediaById,
}: {
  check: TargetCheck;
  mediaById: ReadonlyMap<string, LibraryMedia>;
}) {
  const look = PREVIEW_LOOK[check.platform];
  const { account, draft } = check;
  const media = draft.media.flatMap((m) => {
    const item = mediaById.get(m.id);
    return item ? [item] : [];
  });
  const header = (
    <div className="flex items-center gap-2.5">
      <AccountAvatar account={account} />
      <div className="min-w-0 text-sm leading-5">
        <p className="truncate font-semibold text-slate-900">{account.name}</p>
        <p className="truncate text-slate-500">
          {account.handle ? `@${account.handle} · ` : ''}
          {look.when}
        </p>
      </div>
    </div>
  );
  return (
    <figure aria-label={`Preview on ${PLATFORM_LOOK[check.platform].name}`} className="space-y-2">
      <figcaption className="text-xs font-medium tracking-wide text-slate-500 uppercase">
        Preview · {PLATFORM_LOOK[check.platform].name}
      </figcaption>
      <div
        className={`space-y-3 border border-slate-200 bg-white p-4 shadow-xs ${look.frame}`}
        style={{ borderTopColor: PLATFORM_LOOK[check.platform].colour, borderTopWidth: 3 }}
      >
        {header}
        {look.mediaFirst ? <MediaGrid items={media} /> : null}
        {draft.text.trim() !== '' ? (
          <RichText text={draft.text} colour={look.link} />
        ) : (
          <p className="text-sm text-slate-400 italic">No text yet.</p>
        )}
        {look.mediaFirst ? null : <MediaGrid items={media} />}
        {draft.firstComment ? (
          <div className="rounded-lg bg-slate-50 px-3 py-2">
            <p className="text-xs font-medium text-slate-500">First comment</p>
            <RichText text={draft.firstComment} colour={look.link} />
          </div>
        ) : null}
      </div>
      {(draft.thread ?? []).map((reply, index) => (
        <div
          key={index}
          className={`ml-6 space-y-2 border border-slate-200 bg-white p-3 shadow-xs ${look.frame}`}
          aria-label={`Reply ${index + 1}`}
          role="group"
        >
          {header}
          <RichText text={reply} colour={look.link} />
        </div>
      ))}
    </figure>
  );
}
