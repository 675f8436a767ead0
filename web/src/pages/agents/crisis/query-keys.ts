export const ALERTS_KEY = ['ai-agents', 'alerts'] as const;
export const MENTIONS_KEY = ['ai-agents', 'mentions'] as const;
