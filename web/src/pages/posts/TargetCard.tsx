import type { ReactNode } from 'react';
import { formatDateTime, formatRelative } from '../../lib/dates';
import { timeZoneLabel } from '../../lib/time-zones';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import { PLATFORM_LOOK } from '../../publishing/platforms';
import { STATUS_LOOK } from '../../publishing/statuses';
import { StatusBadge } from '../../publishing/StatusBadge';
import { Icon } from '../../components/Icon';
import type { PostTarget } from './types';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-3 py-1.5">
      <dt className="text-slate-500">{term}</dt>
      <dd className="col-span-2 text-slate-900">{children}</dd>
    </div>
  );
}

/** One network's copy of the post: where it stands, when, how many tries, and the network's answer. */
export function TargetCard({ target, viewerZone }: { target: PostTarget; viewerZone: string }) {
  const name = target.accountName ?? target.accountHandle ?? 'Account';
  const network = PLATFORM_LOOK[target.platform].name;
  const zone = target.timezone ?? viewerZone;
  return (
    <li
      data-target-id={target.id}
      aria-label={`${network} ${name}`}
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs"
    >
      <div className="flex flex-wrap items-center gap-3">
        <PlatformBadge platform={target.platform} size="md" />
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-slate-900">{name}</p>
          <p className="text-xs text-slate-500">
            {network}
            {target.accountHandle && target.accountHandle !== name ? ` · ${target.accountHandle}` : ''}
            {target.accountStatus !== 'active' ? ` · account ${target.accountStatus.replace('_', ' ')}` : ''}
          </p>
        </div>
        <StatusBadge status={target.status} />
      </div>
      <p className="mt-2 text-xs text-slate-500">{STATUS_LOOK[target.status].help}</p>
      {target.status === 'unconfirmed' ? (
        <p className="mt-3 rounded-lg bg-fuchsia-50 px-3 py-2 text-sm text-fuchsia-900 ring-1 ring-fuchsia-200 ring-inset">
          {target.errorCode === 'awaiting_lookup'
            ? `${network} did not confirm this post in time, so it may already be live. Plume is looking for it on ${network} and will record it as published if it is there; nothing is sent twice.`
            : `${network} did not confirm this post in time, and Plume could not tell from ${network} whether it went out. Check the account, and publish it again yourself only if it is not there.`}
        </p>
      ) : null}
      {target.errorMessage ? (
        <div className="mt-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900 ring-1 ring-rose-200 ring-inset">
          <p className="font-medium">
            {network} said
            {target.errorCode ? <span className="font-normal"> ({target.errorCode})</span> : null}:
          </p>
          {/* Verbatim: the network's own words are what support and the user can act on. */}
          <p className="mt-0.5 whitespace-pre-wrap" data-error-message="">
            {target.errorMessage}
          </p>
        </div>
      ) : null}
      <dl className="mt-3 divide-y divide-slate-100 text-sm">
        <Row term="Scheduled">
          {target.scheduledAt ? (
            <>
              {formatDateTime(target.scheduledAt, zone)}{' '}
              <span className="text-slate-500">{timeZoneLabel(zone)}</span>
              {zone !== viewerZone ? (
                <span className="block text-slate-500">
                  {formatDateTime(target.scheduledAt, viewerZone)} your time
                </span>
              ) : null}
            </>
          ) : (
            'Not scheduled'
          )}
        </Row>
        {target.publishedAt ? (
          <Row term="Published">{formatDateTime(target.publishedAt, viewerZone)}</Row>
        ) : null}
        <Row term="Attempts">{target.attempts}</Row>
        {target.nextAttemptAt ? (
          <Row term="Next attempt">
            {formatDateTime(target.nextAttemptAt, viewerZone)}{' '}
            <span className="text-slate-500">({formatRelative(target.nextAttemptAt)})</span>
          </Row>
        ) : null}
        {target.platformPostUrl ? (
          <Row term="Live post">
            <a
              href={target.platformPostUrl}
              target="_blank"
              rel="noreferrer noopener"
              className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline"
            >
              View on {network}
              <Icon name="external" className="size-3.5" />
            </a>
          </Row>
        ) : null}
      </dl>
    </li>
  );
}
