import { PLATFORM_LOOK } from '../../publishing/platforms';
import type { ComposerAccount } from './accounts';

/** The account's picture, or its initial on the network's colour when it has none. */
export function AccountAvatar({ account, size = 'size-9' }: { account: ComposerAccount; size?: string }) {
  if (account.avatarUrl) {
    return <img src={account.avatarUrl} alt="" className={`${size} shrink-0 rounded-full object-cover`} />;
  }
  return (
    <span
      aria-hidden="true"
      className={`${size} flex shrink-0 items-center justify-center rounded-full text-sm font-semibold text-white`}
      style={{ backgroundColor: PLATFORM_LOOK[account.platform].colour }}
    >
      {account.name.slice(0, 1).toUpperCase()}
    </span>
  );
}
