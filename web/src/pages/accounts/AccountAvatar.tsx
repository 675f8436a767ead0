import { useState } from 'react';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import type { SocialAccount } from './types';

/** The profile picture with the network's mark on its corner, or the mark alone. */
export function AccountAvatar({ account }: { account: SocialAccount }) {
  const [broken, setBroken] = useState(false);
  if (!account.avatarUrl || broken) {
    return (
      <span className="flex size-10 shrink-0 items-center justify-center">
        <PlatformBadge platform={account.platform} size="md" />
      </span>
    );
  }
  return (
    <span className="relative size-10 shrink-0">
      <img
        src={account.avatarUrl}
        alt=""
        referrerPolicy="no-referrer"
        onError={() => setBroken(true)}
        className="size-10 rounded-full bg-slate-100 object-cover"
      />
      <span className="absolute -right-1 -bottom-1 rounded-md ring-2 ring-white">
        <PlatformBadge platform={account.platform} />
      </span>
    </span>
  );
}
