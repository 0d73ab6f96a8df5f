import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang, PopupStrings } from '@/components/vocabulary/strings';
import type { Listed } from '@/storage/db/digest';
import type { SourcemarkDB } from '@/storage/db/db';

/**
 * What reader actions do; App implements them (store write, tab reload, undo toast). They get an
 * annotation as the list shows it; one that needs the whole record (undo) reads it by id.
 */
export interface AnnotationActions {
  saveNote(a: Listed, note: string): Promise<void>;
  remove(a: Listed): Promise<void>;
  go(a: Listed): Promise<void>;
}

/** Shared by every popup component: the database, the language and the actions. */
export interface PopupEnv {
  db: SourcemarkDB;
  lang: Lang;
  t: PopupStrings;
  actions: AnnotationActions;
}

export const EnvContext = createContext<PopupEnv | null>(null);

export function useEnv(): PopupEnv {
  const env = useContext(EnvContext);
  if (!env) throw new Error('popup component rendered outside EnvContext');
  return env;
}
