/** English strings of a page that failed to render (the page error boundary). */
export const pageError = {
  'pageError.title': 'This page could not be shown',
  'pageError.body': 'Something went wrong while showing it ({message}). Your saved work is not affected, and the other pages still work.',
  'pageError.retry': 'Try again',
} as const;
