import type { Annotation } from './annotation';

/** The fields a reader edits in place; `assessment: null` withdraws a verdict. */
export interface EditableFields {
  note?: string;
  color?: Annotation['color'];
  tags?: string[];
  assessment?: Annotation['assessment'] | null;
}

/**
 * The record after an edit, unvalidated: fields left undefined stay, a null assessment is
 * removed (not stored as null), so a withdrawn verdict leaves exactly a plain highlight.
 */
export function patched(current: Annotation, patch: EditableFields, updated: string): Annotation {
  const next: Annotation = { ...current, updated };
  if (patch.note !== undefined) next.note = patch.note;
  if (patch.color !== undefined) next.color = patch.color;
  if (patch.tags !== undefined) next.tags = patch.tags;
  if (patch.assessment === null) delete next.assessment;
  else if (patch.assessment !== undefined) next.assessment = patch.assessment;
  return next;
}
