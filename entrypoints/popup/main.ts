import { afterFirstPaint } from '@/components/ui/popup/after-first-paint';
import { takeEarly } from '@/components/ui/popup/early-handoff';
import '@/components/ui/popup/theme.css';
import './style.css';

// The App's script. The first screen is the early script's (entrypoints/popup-early), which
// the page runs first; the App (Preact, Dexie, zod, the strings) is fetched once that screen is
// painted, so that its ~290 KB neither compete with it nor hold up its first frame, and then
// takes its place. The App reads the search digest from its first render on
// (components/ui/popup/use-library.ts): a few large strings and typed arrays per shard, cheap to
// copy into the page (storage/db/digest-shard.ts).
const early = takeEarly(location.search);
void early.drawn
  .then(() => afterFirstPaint(document))
  .then(() => import('./mount'))
  .then((m) => m.mount(early));
