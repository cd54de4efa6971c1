/*
 * How the app opens every PDF, on the interface thread (pdfjs.ts: the reader, the annex) and in
 * the intake worker (pdfjs-in-worker.ts: checks and text). See pdfjs.ts for the safety notes.
 */
export const PDF_OPEN_OPTIONS = {
  enableXfa: false,
  stopAtErrors: false,
  // Fonts a paper names without embedding (Helvetica, Times...) come from the app's own copies,
  // never the computer's: a paper looks the same on every delegate's machine, offline too.
  cMapPacked: true,
  useSystemFonts: false,
} as const;

/**
 * pdf.js's data files, shipped with the app under /pdfjs/ (scripts/vite-plugin-pdfjs-data.ts)
 * and precached for offline use. Absolute addresses: pdf.js's worker would resolve a relative
 * one against its own script's folder.
 */
export function pdfDataUrls(base: string): { cMapUrl: string; standardFontDataUrl: string } {
  return { cMapUrl: new URL('/pdfjs/cmaps/', base).href, standardFontDataUrl: new URL('/pdfjs/standard_fonts/', base).href };
}

/** A password-protected file is refused rather than asked for; anything else that fails to open is damaged. */
export function openProblem(error: unknown): 'encrypted' | 'damaged' {
  const name = error instanceof Error ? error.name : '';
  return name === 'PasswordException' || (error instanceof Error && /password/i.test(error.message)) ? 'encrypted' : 'damaged';
}
