export const MEMBERS_QUERY_KEY = ['organization-members'] as const;
