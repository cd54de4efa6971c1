/*
 * Which tables the crypto middleware encrypts, and which fields of their rows stay plain.
 * Plain fields are what IndexedDB must see to index a row: ids, dates and meeting ids, never
 * the delegate's words. Everything else of a row goes into the ciphertext. A table not listed
 * here is public reference data and passes through untouched.
 *
 * Adding a table: one entry, naming its primary key and every indexed field (a test checks
 * that each index of an encrypted table is a plain field, so a forgotten one fails loudly
 * rather than leaving an index that is silently empty).
 */
export interface EncryptedTable {
  /**
   * Fields kept in the clear beside the ciphertext (primary key and indexes). A dotted path
   * (`target.versionId`) names an index inside an object: only that value is copied out, the
   * object stays whole in the ciphertext.
   */
  plain: readonly string[];
  /** Rows kept wholly plain, by primary key: only what the lock screen itself must read. */
  plainRows?: readonly string[];
  /**
   * false: rows are never remembered decrypted (DecryptedRows). For a paper's pieces: a reader
   * goes through a file once, and remembering every piece would hold the whole paper again.
   */
  remember?: false;
  /**
   * The plain list of an earlier schema, when a field has moved into the ciphertext since (top-level
   * fields only). A row still holding such a field beside its ciphertext was sealed with this list
   * and is read with it, until it is written again (the keyring's migration rewrites them: db.ts).
   */
  formerPlain?: readonly string[];
  /** Why the table is encrypted (read by people, not code). */
  why: string;
}

export const ENCRYPTED_TABLES: Readonly<Record<string, EncryptedTable>> = {
  briefings: { plain: ['id', 'meetingId', 'updatedAt'], why: 'titles, positions, key messages, bilaterals, contacts, markings' },
  sections: { plain: ['id', 'briefingId', 'agendaItemId', 'targetIds'], why: 'objectives, positions, red lines, fallback wording, private notes' },
  settings: { plain: ['key'], plainRows: ['language'], why: 'recently opened items, feed address, markings; the interface language stays readable for the lock screen' },
  trustedKeys: { plain: ['keyId'], why: 'authenticated: a key planted by whoever can write the profile fails to decrypt and is never trusted' },
  ydocUpdates: { plain: ['docId', 'seq'], why: "every briefing's Yjs document: the delegate's words themselves, as updates and snapshots" },
  papers: { plain: ['id', 'ownerKey', 'meetingId', 'updatedAt'], why: 'the names of meeting papers and who attached them' },
  paperVersions: {
    plain: ['id', 'paperId'],
    // Until schema 14 the file's SHA-256 was plain (indexed): whoever held the profile could confirm a known file is stored.
    formerPlain: ['id', 'paperId', 'sha256'],
    why: "each issued version's file name, size, type and SHA-256",
  },
  paperBlobs: { plain: ['versionId'], why: "the papers' bytes (RESTRICTED drafts among them)" },
  paperChunks: { plain: ['blobId', 'index'], remember: false, why: "the papers' bytes from schema 12 on, a piece a row" },
  paperTexts: { plain: ['versionId', 'paperId'], why: "the papers' extracted text, page by page" },
  assignments: { plain: ['id', 'briefingId', 'memberId'], why: "who drafts which section, with the members' names" },
  clearances: { plain: ['id', 'briefingId'], why: 'the cleared versions themselves (document state), who cleared them and their fingerprints' },
  annotations: {
    plain: ['id', 'paperId', 'target.versionId', 'link.sectionId'],
    why: "the delegate's highlights and notes on papers, with the words they quote (only the ids they point at stay plain, for the indexes)",
  },
};

/**
 * Tables the first keyrings (schema 6) encrypted. A keyring written before a table joined
 * ENCRYPTED_TABLES lists none of its later ones: on the next unlock those are encrypted like an
 * older plain database is (resumable), see `tablesToCatchUp`.
 */
export const FIRST_ENCRYPTED_TABLES = ['briefings', 'sections', 'settings', 'trustedKeys', 'ydocUpdates', 'papers', 'paperVersions', 'paperBlobs', 'paperTexts'] as const;

/**
 * Not encrypted, on purpose: `datasetHistory`, `undoRecords`, `acceptedManifests`, `datasets`
 * `recordDigests` and `referenceFlags` hold the publisher's reference data, its history, the digests of its
 * records (public, and large), `searchIndex` the search index of the reference records only (never a
 * briefing: renderer/features/search/saved-index.ts), and `keyring` holds the wrapped keys themselves.
 */
export const PLAIN_USER_ADJACENT_TABLES = ['datasetHistory', 'undoRecords', 'acceptedManifests', 'datasets', 'recordDigests', 'referenceFlags', 'searchIndex', 'keyring'] as const;

export function encryptedTable(name: string): EncryptedTable | undefined {
  return Object.hasOwn(ENCRYPTED_TABLES, name) ? ENCRYPTED_TABLES[name] : undefined;
}
