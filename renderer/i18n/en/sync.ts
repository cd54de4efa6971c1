/** English strings of the sync feature. */
export const sync = {} as const;
