import { CommandPalette } from '../search/CommandPalette';
import { useTrackRecent } from '../search/recent';
import { useSearchFeed } from '../search/use-search-feed';
import { useLanguagePreference } from '../settings/language';
import { useDesktopHabits } from './commands';
import { HelpOverlay } from './HelpOverlay';

/**
 * Everything the shell does around the pages, in one call for App: shortcuts and menu
 * commands, the remembered language, the search index feed and recently opened items.
 */
export function useAppChrome(ready: boolean): void {
  useDesktopHabits();
  useLanguagePreference(ready);
  useSearchFeed(ready);
  useTrackRecent(ready);
}

/** The command palette and the keyboard help, rendered over the page when open. */
export function Overlays() {
  return (
    <>
      <CommandPalette />
      <HelpOverlay />
    </>
  );
}
