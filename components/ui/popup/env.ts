import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang, PopupStrings } from '@/components/vocabulary/strings';
import type { Annotation } from '@/storage/model/annotation';
import type { SourcemarkDB } from '@/storage/db/db';

/** What reader actions do; App implements them (store write, tab reload, undo toast). */
export interface AnnotationActions {
  saveNote(a: Annotation, note: string): Promise<void>;
  remove(a: Annotation): Promise<void>;
  go(a: Annotation): Promise<void>;
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
