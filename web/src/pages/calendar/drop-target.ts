import type { DragEvent } from 'react';

/** The drag data type of a calendar chip. */
export const DRAG_TYPE = 'application/x-plume-calendar-item';

/**
 * The handlers that make an element accept a dragged chip. Only our own chips are
 * accepted (a dragged link or file is left to the browser).
 */
export function dropTargetHandlers(
  key: string,
  enabled: boolean,
  setHover: (key: string | null) => void,
  onDrop: () => void,
) {
  const accepts = (event: DragEvent) => enabled && event.dataTransfer.types.includes(DRAG_TYPE);
  return {
    onDragOver: (event: DragEvent) => {
      if (!accepts(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setHover(key);
    },
    onDragLeave: () => setHover(null),
    onDrop: (event: DragEvent) => {
      if (!accepts(event)) return;
      event.preventDefault();
      setHover(null);
      onDrop();
    },
  };
}
