import { Link } from 'react-router';
import { ROLE_LABELS } from '../../auth/roles';
import { displayName, initials } from '../../auth/people';
import { useSession, useSignedInUser } from '../../auth/use-session';
import { Badge } from '../../components/Badge';
import { Icon, type IconName } from '../../components/Icon';
import { usePopover } from '../../components/use-popover';

/** The signed-in person: who, in which role, their settings, and signing out. */
export function UserMenu() {
  const { user, organization } = useSignedInUser();
  const { signOut } = useSession();
  const popover = usePopover();

  return (
    <div ref={popover.root} className="relative">
      <button
        {...popover.buttonProps}
        type="button"
        onClick={popover.toggle}
        className="flex items-center gap-1 rounded-full p-0.5 text-slate-500 hover:text-slate-700"
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700 ring-1 ring-brand-100"
        >
          {initials(user)}
        </span>
        <Icon name="chevronDown" className="size-4" />
        <span className="sr-only">Account menu for {displayName(user)}</span>
      </button>
      {popover.open ? (
        <div
          id={popover.panelId}
          className="absolute right-0 z-50 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-1.5 text-sm shadow-lg"
        >
          <div className="px-3 py-2.5">
            <p className="truncate font-medium text-slate-900">{displayName(user)}</p>
            <p className="truncate text-slate-500">{user.email}</p>
            <p className="mt-2 flex items-center gap-2 text-xs text-slate-500">
              <Badge tone="brand">{ROLE_LABELS[organization.role]}</Badge>
              <span className="truncate">in {organization.name}</span>
            </p>
          </div>
          <div className="my-1 border-t border-slate-100" />
          <MenuLink to="/settings/profile" icon="user" onClick={popover.close}>
            Profile
          </MenuLink>
          <MenuLink to="/settings/sessions" icon="device" onClick={popover.close}>
            Sessions
          </MenuLink>
          <MenuLink to="/settings" icon="settings" onClick={popover.close}>
            Settings
          </MenuLink>
          <div className="my-1 border-t border-slate-100" />
          <button
            type="button"
            onClick={() => void signOut()}
            className="flex w-full items-center gap-2.5 rounded-lg px-3 py-2 text-slate-700 hover:bg-slate-50"
          >
            <Icon name="logout" className="size-4 text-slate-400" />
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}

function MenuLink({
  to,
  icon,
  onClick,
  children,
}: {
  to: string;
  icon: IconName;
  onClick: () => void;
  children: string;
}) {
  return (
    <Link
      to={to}
      onClick={onClick}
      className="flex items-center gap-2.5 rounded-lg px-3 py-2 text-slate-700 hover:bg-slate-50"
    >
      <Icon name={icon} className="size-4 text-slate-400" />
      {children}
    </Link>
  );
}
