import type { BadgeTone } from '../components/badge-tones';
import type { components } from '../api/schema.gen';

export type PostStatus = components['schemas']['Post']['status'];
export type PostTargetStatus = components['schemas']['PostTarget']['status'];

/**
 * How each status reads and looks everywhere (lists, calendar, detail). `unconfirmed` is
 * loud on purpose: the post may be live; Plume looks for it on the network first and asks a
 * person when the network cannot tell (the target card says which).
 */
export const STATUS_LOOK: Record<PostStatus, { label: string; tone: BadgeTone; dot: string; help: string }> =
  {
    draft: { label: 'Draft', tone: 'neutral', dot: 'bg-slate-400', help: 'Not scheduled yet.' },
    scheduled: { label: 'Scheduled', tone: 'brand', dot: 'bg-brand-500', help: 'Waiting for its time.' },
    publishing: { label: 'Publishing', tone: 'warning', dot: 'bg-amber-400', help: 'Being sent right now.' },
    published: { label: 'Published', tone: 'success', dot: 'bg-emerald-500', help: 'Live on the network.' },
    partially_published: {
      label: 'Partly published',
      tone: 'warning',
      dot: 'bg-amber-500',
      help: 'Some networks have it, some do not; open it to see which.',
    },
    failed: { label: 'Failed', tone: 'danger', dot: 'bg-rose-500', help: 'The network refused it; see why.' },
    unconfirmed: {
      label: 'Unconfirmed',
      tone: 'danger',
      dot: 'bg-fuchsia-500',
      help: 'The network did not answer in time: it may be live. Plume looks for it first; check before sending again.',
    },
    missed: {
      label: 'Missed',
      tone: 'danger',
      dot: 'bg-orange-500',
      help: 'Its time passed too long ago to publish; reschedule it.',
    },
    cancelled: { label: 'Cancelled', tone: 'neutral', dot: 'bg-slate-300', help: 'Will not be published.' },
  };
