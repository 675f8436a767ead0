// The media rules are browser-safe and shared with the dashboard: functions/shared/media-limits.ts.
export * from '../../shared/media-limits';
