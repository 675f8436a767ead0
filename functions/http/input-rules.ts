// The text and range rules are browser-safe and shared with the contracts: functions/shared/input-rules.ts.
export * from '../shared/input-rules';
