import { useRef, useState, type DragEvent } from 'react';
import { fromFile, type IncomingFile } from '../storage/intake';

const carriesFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

/**
 * Makes an element accept dropped files and says whether files are over it (for its outline).
 * Drag events bubble from the element's children, and moving onto a child fires dragleave on
 * the element itself: enters and leaves are counted, and the outline goes with the last leave.
 */
export function useDropZone(onFiles: (files: IncomingFile[]) => void) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const props = {
    onDragEnter: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setOver(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave: () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    },
    onDrop: (event: DragEvent) => {
      depth.current = 0;
      setOver(false);
      if (event.dataTransfer.files.length === 0) return;
      event.preventDefault();
      onFiles([...event.dataTransfer.files].map(fromFile));
    },
  };
  return { over, props };
}
