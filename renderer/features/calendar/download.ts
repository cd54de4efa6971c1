/** Saves text as a file: the browser's download in web mode, the save dialog in the desktop app. */
export function downloadText(fileName: string, text: string, type = 'text/calendar;charset=utf-8'): boolean {
  if (typeof URL.createObjectURL !== 'function') return false;
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
