/**
 * The popup/options strings moved into strings.ts (one string table). This re-export keeps the
 * files that still import from here compiling until they import strings.ts directly:
 * entrypoints/popup/App.tsx, entrypoints/popup/main.tsx, entrypoints/options/App.tsx and
 * components/ui/options/DeleteAll.tsx. Delete it once none does.
 */
export { formatDate, popupStrings, resolveLang, type PopupStrings } from './strings';
