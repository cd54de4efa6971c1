/**
 * Text from a file, made safe to print on a terminal. A dataset or bundle may hold escape
 * sequences (ESC [ ... that move the cursor, rewrite earlier lines, set the window title) and
 * bidirectional overrides that make a line read differently from what it says; printed raw,
 * they reach the publisher's terminal. Each such character is shown as a visible \u escape.
 */

// C0 controls but tab and line feed, DEL, C1 controls (U+009B is a one-character CSI), and the
// bidirectional embeddings, overrides, isolates and marks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// The same, and the line breaks too: for a value printed inside one line of output.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_INLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Control characters escaped; tabs and line feeds kept (the tool's own output is several lines). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** For one value inside a line: line breaks are escaped as well, so a value cannot start a fake line of output. */
export function inline(text: unknown): string {
  return String(text).replace(UNSAFE_INLINE, escape);
}
