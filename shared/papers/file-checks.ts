/*
 * Checks made on a file before any of it is stored: its size against the cap (before a byte is
 * read), whether a file that says it is a PDF is one, and whether a PDF carries JavaScript.
 * Pure functions over bytes, shared by the renderer (web and desktop) and main's file open.
 */

/** Large enough for any meeting paper (a 300-page scanned report is ~100 MB); past it, refused before reading. */
export const MAX_PAPER_BYTES = 200 * 1024 * 1024;

export function tooLarge(size: number, limit = MAX_PAPER_BYTES): boolean {
  return size > limit;
}

/** Says PDF by its name or type. */
export function claimsPdf(name: string, type: string): boolean {
  return type === 'application/pdf' || /\.pdf$/i.test(name);
}

/** A PDF's header must appear in its first 1024 bytes (the tolerance readers allow). */
export function hasPdfHeader(head: Uint8Array): boolean {
  const text = latin1(head.subarray(0, 1024));
  return text.includes('%PDF-');
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/**
 * Whether the PDF's uncompressed structure names JavaScript actions. Scripts inside compressed
 * object streams are missed here; the viewer also asks pdf.js (getJSActions). Either way
 * nothing is ever run: pdf.js scripting is off.
 */
export function mentionsJavaScript(bytes: Uint8Array): boolean {
  const pattern = [0x2f, 0x4a, 0x53]; // "/JS" (also the start of "/JavaScript")
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    const next = bytes[i + 3];
    // "/JS" as a whole name or "/JavaScript"; not "/JSON..." style names.
    if (next === undefined || next === 0x61 || !/[A-Za-z0-9]/.test(String.fromCharCode(next))) return true;
  }
  return false;
}

/** The kind of PDF trouble found when opening a file, each with its own message. */
export type PaperProblem = 'too-large' | 'not-a-file' | 'not-pdf' | 'encrypted' | 'damaged' | 'quota' | 'failed';
