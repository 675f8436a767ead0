import { useId } from 'react';
import {
  PREFERENCE_CHANNELS,
  shownValue,
  type NotificationPreference,
  type PreferenceChange,
  type PreferenceChannel,
} from './preference-channels';
import { PreferenceSwitch } from './PreferenceSwitch';

/** One event type: its words, then an "In app" and an "Email" switch, each saving its own field. */
export function PreferenceRow({
  preference,
  saving,
  disabled,
  onToggle,
}: {
  preference: NotificationPreference;
  /** The change being saved, if any (its switch shows the new value meanwhile). */
  saving: PreferenceChange | undefined;
  disabled: boolean;
  onToggle: (channel: PreferenceChannel, on: boolean) => void;
}) {
  const labelId = useId();
  const descriptionId = useId();
  const channelId = useId();
  return (
    <li
      className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between sm:gap-6"
      data-preference={preference.type}
    >
      <div className="min-w-0 text-sm">
        <p id={labelId} className="font-medium text-slate-900">
          {preference.label}
        </p>
        <p id={descriptionId} className="mt-0.5 text-slate-600">
          {preference.description}
        </p>
      </div>
      <div className="flex shrink-0 gap-5">
        {PREFERENCE_CHANNELS.map((channel) => {
          const on = shownValue(preference, channel.field, saving);
          return (
            <div key={channel.field} className="flex items-center gap-2" data-channel={channel.field}>
              <span id={`${channelId}-${channel.field}`} className="text-xs font-medium text-slate-600">
                {channel.name}
              </span>
              <PreferenceSwitch
                labelledBy={`${labelId} ${channelId}-${channel.field}`}
                describedBy={descriptionId}
                on={on}
                disabled={disabled}
                onToggle={() => onToggle(channel.field, !on)}
              />
            </div>
          );
        })}
      </div>
    </li>
  );
}
