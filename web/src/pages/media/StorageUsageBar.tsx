import type { components } from '../../api/schema.gen';
import { formatBytes, storageTone, usedPercent } from './format';

type StorageUsage = components['schemas']['StorageUsage'];

const BAR_TONES = { normal: 'bg-brand-600', warning: 'bg-amber-500', danger: 'bg-rose-600' } as const;

const KIND_NAMES = {
  image: ['image', 'images'],
  gif: ['GIF', 'GIFs'],
  video: ['video', 'videos'],
} as const;

/** Stored bytes (originals and variants) against the plan's quota. */
export function StorageUsageBar({ usage }: { usage: StorageUsage }) {
  const percent = usedPercent(usage.usedBytes, usage.quotaBytes);
  const tone = storageTone(percent);
  const kinds = usage.byKind.filter((kind) => kind.count > 0);
  return (
    <section
      aria-labelledby="storage-heading"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="storage-heading" className="text-sm font-semibold text-slate-900">
          Storage
        </h2>
        <p className="text-sm text-slate-600" data-testid="storage-used">
          <span className="font-medium text-slate-900">{formatBytes(usage.usedBytes)}</span> of{' '}
          {formatBytes(usage.quotaBytes)} used
        </p>
      </div>
      <div
        role="meter"
        aria-label="Storage used"
        aria-valuemin={0}
        aria-valuemax={usage.quotaBytes}
        aria-valuenow={usage.usedBytes}
        aria-valuetext={`${formatBytes(usage.usedBytes)} of ${formatBytes(usage.quotaBytes)} (${percent} %)`}
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={`h-full rounded-full ${BAR_TONES[tone]}`}
          // At least a sliver once anything is stored, so a few KB do not look like nothing.
          style={{ width: `${usage.usedBytes > 0 ? Math.max(percent, 0.5) : 0}%` }}
        />
      </div>
      <p className="mt-2 text-xs text-slate-500">
        {usage.fileCount} {usage.fileCount === 1 ? 'file' : 'files'}
        {kinds.length > 0
          ? ` · ${kinds.map((kind) => `${kind.count} ${KIND_NAMES[kind.kind][kind.count === 1 ? 0 : 1]} (${formatBytes(kind.bytes)})`).join(', ')}`
          : ''}
        {usage.variantBytes > 0 ? ` · optimized variants ${formatBytes(usage.variantBytes)}` : ''} ·{' '}
        <span className="capitalize">{usage.plan}</span> plan
      </p>
      {tone !== 'normal' ? (
        <p className={`mt-1 text-xs font-medium ${tone === 'danger' ? 'text-rose-700' : 'text-amber-800'}`}>
          {tone === 'danger'
            ? 'Storage is almost full: delete files you no longer need or upgrade your plan.'
            : 'Storage is filling up.'}
        </p>
      ) : null}
    </section>
  );
}
