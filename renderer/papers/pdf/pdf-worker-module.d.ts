/** pdf.js's parser as a module (loaded into the intake worker's own thread by pdfjs-in-worker.ts). */
declare module 'pdfjs-dist/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
