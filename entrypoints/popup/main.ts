import { takeEarly } from '@/components/ui/popup/early-handoff';
import '@/components/ui/popup/theme.css';
import './style.css';

// The App's script. The first screen is the early script's (entrypoints/popup-early), which
// the page runs first; the App (Preact, Dexie, zod, the strings) is fetched once that screen is
// drawn, so that its ~290 KB do not compete with it, and then takes its place. The search digest
// is read once the App is up (components/ui/popup/use-library.ts): read beside the first screen,
// its 4 MB made that screen 60–120 ms later (measured in pairs), for a search typed at once.
const early = takeEarly(location.search);
void early.drawn.then(() => import('./mount')).then((m) => m.mount(early));
