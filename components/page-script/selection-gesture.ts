/** The fields of a mouse or keyboard event the loader looks at. */
export interface GestureEvent {
  type: string;
  isTrusted: boolean;
  shiftKey?: boolean;
  key?: string;
}

/**
 * Whether an event may end a selection the reader made: their own mouseup, or their own key
 * released with Shift (shift+arrows, or Shift itself), as the content script's annotator reads
 * them. Events a page script makes up (`isTrusted` false) never are: a page cannot have the
 * content script loaded by pretending the reader selected something.
 */
export function isSelectionGesture(e: GestureEvent): boolean {
  if (!e.isTrusted) return false;
  if (e.type === 'mouseup') return true;
  return e.type === 'keyup' && (e.shiftKey === true || e.key === 'Shift');
}
