import type { components } from '../../api/schema.gen';

export type NotificationPreference = components['schemas']['NotificationPreference'];

/** The channels a person switches per event type, as the API names them, in display order. */
export const PREFERENCE_CHANNELS = [
  { field: 'inApp', name: 'In app', phrase: 'in the app' },
  { field: 'email', name: 'Email', phrase: 'by email' },
] as const;

export type PreferenceChannel = (typeof PREFERENCE_CHANNELS)[number]['field'];

/** One switch flipped by the person: saved on its own, the other channel left as stored. */
export interface PreferenceChange {
  type: string;
  label: string;
  channel: PreferenceChannel;
  on: boolean;
}

/** The request body that saves only this switch. */
export function preferenceBody(change: PreferenceChange) {
  return { preferences: { [change.type]: { [change.channel]: change.on } } };
}

/** What the status line says once a switch is saved, e.g. "Saved: Post failed by email off." */
export function savedMessage(change: PreferenceChange): string {
  const channel = PREFERENCE_CHANNELS.find((c) => c.field === change.channel)!;
  return `Saved: ${change.label} ${channel.phrase} ${change.on ? 'on' : 'off'}.`;
}

/** What a switch shows: the value being saved while its save runs, else the stored one. */
export function shownValue(
  preference: NotificationPreference,
  channel: PreferenceChannel,
  saving: PreferenceChange | undefined,
): boolean {
  return saving?.type === preference.type && saving.channel === channel ? saving.on : preference[channel];
}
