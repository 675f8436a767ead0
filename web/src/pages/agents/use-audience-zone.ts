import { useSignedInUser } from '../../auth/use-session';
import { browserTimeZone } from '../../lib/time-zones';

/** The zone the agents read weekdays and hours in, unless changed: the user's own. */
export function useAudienceZone(): string {
  const { user } = useSignedInUser();
  return user.timezone ?? browserTimeZone();
}
