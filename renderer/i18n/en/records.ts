/** English strings for links to records (renderer/components/BodyLinks.tsx). */
export const records = {
  'records.missing': '{id} (not in the dataset)',
} as const;
