import type { Language } from '../model';

/**
 * The application menu's labels in the three interface languages. They live in shared/ because
 * main builds the menu: the renderer tells main the delegate's language, and main rebuilds it.
 * `&` marks the Alt-key mnemonic on Windows and Linux.
 */
export interface MenuLabels {
  file: string;
  edit: string;
  view: string;
  help: string;
  newBriefing: string;
  importDataset: string;
  printPack: string;
  backUp: string;
  quit: string;
  close: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  back: string;
  forward: string;
  search: string;
  actualSize: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  shortcuts: string;
  /** `{app}` is replaced by the application's name. */
  about: string;
}

export const MENU_LABELS: Record<Language, MenuLabels> = {
  en: {
    file: '&File',
    edit: '&Edit',
    view: '&View',
    help: '&Help',
    newBriefing: 'New briefing',
    importDataset: 'Import dataset…',
    printPack: 'Print pack…',
    backUp: 'Back up…',
    quit: 'Quit',
    close: 'Close window',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    back: 'Back',
    forward: 'Forward',
    search: 'Search…',
    actualSize: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    shortcuts: 'Keyboard shortcuts',
    about: 'About {app}',
  },
  ms: {
    file: '&Fail',
    edit: '&Sunting',
    view: '&Paparan',
    help: '&Bantuan',
    newBriefing: 'Taklimat baharu',
    importDataset: 'Import set data…',
    printPack: 'Cetak pek…',
    backUp: 'Sandarkan…',
    quit: 'Keluar',
    close: 'Tutup tetingkap',
    undo: 'Buat asal',
    redo: 'Buat semula',
    cut: 'Potong',
    copy: 'Salin',
    paste: 'Tampal',
    selectAll: 'Pilih semua',
    back: 'Kembali',
    forward: 'Ke hadapan',
    search: 'Cari…',
    actualSize: 'Saiz sebenar',
    zoomIn: 'Zum masuk',
    zoomOut: 'Zum keluar',
    fullScreen: 'Skrin penuh',
    shortcuts: 'Pintasan papan kekunci',
    about: 'Perihal {app}',
  },
  id: {
    file: '&Berkas',
    edit: '&Sunting',
    view: '&Tampilan',
    help: 'B&antuan',
    newBriefing: 'Pengarahan baru',
    importDataset: 'Impor set data…',
    printPack: 'Cetak paket…',
    backUp: 'Cadangkan…',
    quit: 'Keluar',
    close: 'Tutup jendela',
    undo: 'Urungkan',
    redo: 'Ulangi',
    cut: 'Potong',
    copy: 'Salin',
    paste: 'Tempel',
    selectAll: 'Pilih semua',
    back: 'Kembali',
    forward: 'Maju',
    search: 'Cari…',
    actualSize: 'Ukuran sebenarnya',
    zoomIn: 'Perbesar',
    zoomOut: 'Perkecil',
    fullScreen: 'Layar penuh',
    shortcuts: 'Pintasan papan ketik',
    about: 'Tentang {app}',
  },
};
