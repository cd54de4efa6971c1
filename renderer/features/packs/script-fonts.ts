import thaiBold from '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-700-normal.woff?url';
import thaiRegular from '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff?url';
import laoBold from '@fontsource/noto-sans-lao/files/noto-sans-lao-lao-700-normal.woff?url';
import laoRegular from '@fontsource/noto-sans-lao/files/noto-sans-lao-lao-400-normal.woff?url';
import khmerBold from '@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-700-normal.woff?url';
import khmerRegular from '@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff?url';
import myanmarBold from '@fontsource/noto-sans-myanmar/files/noto-sans-myanmar-myanmar-700-normal.woff?url';
import myanmarRegular from '@fontsource/noto-sans-myanmar/files/noto-sans-myanmar-myanmar-400-normal.woff?url';
import type { EmbeddedScriptFace } from '../../../shared/pack/docx/pack-docx';
import { woffToSfnt } from '../../../shared/pack/docx/woff-to-sfnt';
import type { PackDocument } from '../../../shared/pack/model';
import { scriptsIn, type PackScript } from '../../../shared/pack/scripts';

/**
 * The faces the Word export embeds for Thai, Lao, Khmer and Burmese text: the same Noto files
 * the printed pack uses (pack-fonts.css), in their WOFF form, which converts exactly to the
 * TrueType Word takes. They are files of the build (the service worker precaches them), so the
 * export works offline; only the scripts a brief uses are read.
 */
const FILES: Record<PackScript, { regular: string; bold: string }> = {
  Thai: { regular: thaiRegular, bold: thaiBold },
  Laoo: { regular: laoRegular, bold: laoBold },
  Khmr: { regular: khmerRegular, bold: khmerBold },
  Mymr: { regular: myanmarRegular, bold: myanmarBold },
};

async function fontBytes(url: string, fetchFile: typeof fetch): Promise<Uint8Array> {
  const response = await fetchFile(url);
  if (!response.ok) throw new Error(`The font file ${url} could not be read (${response.status}).`);
  return woffToSfnt(new Uint8Array(await response.arrayBuffer()));
}

/** The faces of `scripts`, TrueType, regular and bold. */
export async function loadScriptFaces(scripts: readonly PackScript[], fetchFile: typeof fetch = fetch): Promise<EmbeddedScriptFace[]> {
  return Promise.all(
    scripts.map(async (script) => {
      const [regular, bold] = await Promise.all([fontBytes(FILES[script].regular, fetchFile), fontBytes(FILES[script].bold, fetchFile)]);
      return { script, regular, bold };
    }),
  );
}

/**
 * The faces for the scripts a pack document uses. A face that cannot be read leaves the file
 * without it (its runs still name the Noto family, which Word replaces with a font it has for
 * the script), rather than failing the whole export.
 */
export async function facesFor(doc: PackDocument, fetchFile: typeof fetch = fetch): Promise<EmbeddedScriptFace[]> {
  const scripts = scriptsIn(JSON.stringify(doc));
  if (scripts.length === 0) return [];
  try {
    return await loadScriptFaces(scripts, fetchFile);
  } catch (error) {
    console.warn('The Word file is written without its Thai, Lao, Khmer or Burmese fonts embedded:', error);
    return [];
  }
}
