import { SettingsSection } from '../settings/SettingsSection';
import { PlatformCard } from './PlatformCard';
import type { PlatformAvailability, SocialAccount } from './types';

/** One card per network this Plume can connect; ready networks first. */
export function ConnectSection({
  platforms,
  onConnected,
}: {
  platforms: PlatformAvailability[];
  onConnected: (account: SocialAccount) => void;
}) {
  const ordered = [...platforms].sort((a, b) => Number(b.configured) - Number(a.configured));
  return (
    <SettingsSection
      title="Connect an account"
      description="Plume publishes through each network’s official API. Reconnecting an account you already have keeps its scheduled posts."
    >
      <ul aria-label="Networks" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {ordered.map((platform) => (
          <PlatformCard key={platform.platform} platform={platform} onConnected={onConnected} />
        ))}
      </ul>
    </SettingsSection>
  );
}
