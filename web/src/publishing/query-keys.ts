/**
 * Query keys of the publishing pages. Each area has one root, so a live update invalidates
 * everything of that area with one call (`invalidateQueries({ queryKey: POSTS_KEY })`).
 */
export const POSTS_KEY = ['posts'] as const;
export const postListKey = (filters: Record<string, unknown>) => [...POSTS_KEY, 'list', filters] as const;
export const postKey = (id: string) => [...POSTS_KEY, 'detail', id] as const;
export const postPreviewKey = (id: string) => [...POSTS_KEY, 'preview', id] as const;
export const calendarKey = (range: Record<string, unknown>) => [...POSTS_KEY, 'calendar', range] as const;

export const SOCIAL_ACCOUNTS_KEY = ['social-accounts'] as const;
export const socialAccountInsightsKey = (id: string) => [...SOCIAL_ACCOUNTS_KEY, 'insights', id] as const;

export const MEDIA_KEY = ['media'] as const;
export const mediaListKey = (filters: Record<string, unknown>) => [...MEDIA_KEY, 'list', filters] as const;
export const mediaKey = (id: string) => [...MEDIA_KEY, 'detail', id] as const;
export const STORAGE_USAGE_KEY = [...MEDIA_KEY, 'storage-usage'] as const;
