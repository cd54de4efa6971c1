import type { IndexSnapshot } from '../../../shared/search';

/** A saved search index (table `searchIndex`): reference records only, see saved-index.ts. */
export interface SavedSearchIndex {
  /** 'reference': the index of the reference tables. */
  name: string;
  /** The installed datasets it was built from (referenceSignature): another signature means the records changed. */
  signature: string;
  savedAt: string;
  snapshot: IndexSnapshot;
}
