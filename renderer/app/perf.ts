/**
 * User Timing marks at the moments the benchmark measures (database ready, list keys
 * ready, list mounted). They cost nothing measurable and show in any performance profile.
 */
export function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}
