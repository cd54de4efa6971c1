/**
 * Props for every field that holds a delegate's words. With autocomplete off, the browser does
 * not keep the field's value as form state for restoring the page: Chromium writes that state
 * to its session files in the profile, in plain text beside the encrypted database (the lock
 * end-to-end test found a red line there in web mode). Nor does it offer the words back as
 * autofill suggestions in other fields.
 */
export const PRIVATE_TEXT = { autoComplete: 'off' } as const;
