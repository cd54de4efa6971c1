import { unzlibSync } from 'fflate';

/**
 * A WOFF 1.0 file (W3C WOFF File Format 1.0) back to the TrueType/OpenType file it wraps, for
 * embedding in a Word document, which takes TrueType only. The app ships its fonts as WOFF
 * (@fontsource); WOFF 1.0 is the sfnt's tables, each zlib-compressed on its own, so unpacking is
 * exact: every table is checked against the length and checksum the WOFF records for it.
 */

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

export class FontFileError extends Error {}

/** The sfnt checksum of a table: the sum of its big-endian 32-bit words, the last one padded with zeros. */
export function tableChecksum(bytes: Uint8Array): number {
  let sum = 0;
  const padded = bytes.length % 4 === 0 ? bytes : (() => {
    const p = new Uint8Array(bytes.length + (4 - (bytes.length % 4)));
    p.set(bytes);
    return p;
  })();
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.length < WOFF_HEADER || view.getUint32(0) !== WOFF_SIGNATURE) throw new FontFileError('not a WOFF 1.0 font file');
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  if (WOFF_HEADER + numTables * WOFF_ENTRY > woff.length) throw new FontFileError('the WOFF table directory is cut short');

  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const tag = view.getUint32(at);
    const offset = view.getUint32(at + 4);
    const compLength = view.getUint32(at + 8);
    const origLength = view.getUint32(at + 12);
    const checksum = view.getUint32(at + 16);
    if (offset + compLength > woff.length || compLength > origLength) throw new FontFileError(`table ${i} lies outside the file`);
    const stored = woff.subarray(offset, offset + compLength);
    let data: Uint8Array;
    try {
      data = compLength < origLength ? unzlibSync(stored, { out: new Uint8Array(origLength) }) : stored;
    } catch (error) {
      throw new FontFileError(`table ${i} does not unpack: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (data.length !== origLength) throw new FontFileError(`table ${i} unpacks to ${data.length} bytes, not ${origLength}`);
    // 'head' holds the whole font's checksum adjustment, which its own checksum leaves out.
    const isHead = tag === 0x68656164;
    if (!isHead && tableChecksum(data) !== checksum) throw new FontFileError(`table ${i} does not match its checksum`);
    tables.push({ tag, checksum, data });
  }

  const padded = (n: number) => (n + 3) & ~3;
  const size = SFNT_HEADER + numTables * SFNT_ENTRY + tables.reduce((n, t) => n + padded(t.data.length), 0);
  const out = new Uint8Array(size);
  const o = new DataView(out.buffer);
  let power = 1;
  let log = 0;
  while (power * 2 <= numTables) {
    power *= 2;
    log++;
  }
  o.setUint32(0, flavor);
  o.setUint16(4, numTables);
  o.setUint16(6, power * 16);
  o.setUint16(8, log);
  o.setUint16(10, numTables * 16 - power * 16);
  let offset = SFNT_HEADER + numTables * SFNT_ENTRY;
  // The WOFF directory is in tag order, as the sfnt's must be; the tables follow in the same order.
  tables.forEach((table, i) => {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    o.setUint32(at, table.tag);
    o.setUint32(at + 4, table.checksum);
    o.setUint32(at + 8, offset);
    o.setUint32(at + 12, table.data.length);
    out.set(table.data, offset);
    offset += padded(table.data.length);
  });
  return out;
}
