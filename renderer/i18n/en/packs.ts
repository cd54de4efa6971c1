/** English strings of the packs feature. */
export const packs = {} as const;
