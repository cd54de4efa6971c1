/*
 * The DRAFT watermark as a picture rather than text: text under the page's text would be read
 * by PDF text extraction, copy and paste and screen readers letter by letter, in among the
 * brief's own words. Drawn once per word on a canvas in the pack's face; undefined where there
 * is no canvas (the page then shows the word as hidden-from-assistive-technology text).
 */
const cache = new Map<string, string | undefined>();

export function watermarkImage(word: string): string | undefined {
  if (cache.has(word)) return cache.get(word);
  let url: string | undefined;
  try {
    const canvas = document.createElement('canvas');
    canvas.width = 1600;
    canvas.height = 1600;
    const g = canvas.getContext('2d');
    if (g) {
      g.translate(800, 800);
      g.rotate((-40 * Math.PI) / 180);
      g.fillStyle = 'rgba(200, 16, 46, 0.13)';
      g.textAlign = 'center';
      g.textBaseline = 'middle';
      let size = 320;
      g.font = `700 ${size}px "Pack Sans", sans-serif`;
      const width = g.measureText(word).width;
      if (width > 1500) {
        size = Math.floor((size * 1500) / width);
        g.font = `700 ${size}px "Pack Sans", sans-serif`;
      }
      g.fillText(word, 0, 0);
      url = canvas.toDataURL('image/png');
    }
  } catch {
    url = undefined;
  }
  cache.set(word, url);
  return url;
}
