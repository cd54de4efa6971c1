/*
 * Where the renderer lives. The bundle is served from a privileged custom scheme rather than
 * file:// so that it gets a real origin ('self' in the CSP, its own IndexedDB) and none of
 * file://'s extra powers.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
