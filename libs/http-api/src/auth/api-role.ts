/** Roles an API key carries (CELLSCOPE_API_KEYS `<key>:<role>`). */
export const API_ROLES = ['handler', 'noc', 'admin'] as const;
export type ApiRole = (typeof API_ROLES)[number];
