// Temporary experiment (not committed): trace the granted news page a few times, print the loader's cost.
import { launch, seed, seedHtml } from '../e2e/harness';
import { grantedScripts, waitForSourcemark } from '../e2e/probes';
import { summariseLoad, type TraceEvent } from './trace-summary';
const NEWS = seed('other-news.html');
const GRANTED = `${new URL(NEWS.url).origin}/*`;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute', 'mojom'].join(',');
const h = await launch({ grantHosts: [GRANTED] });
h.serve(NEWS.url, seedHtml(NEWS.file));
await grantedScripts(h);
await (await h.open(NEWS.url)).close();
const out: string[] = [];
for (let run = 0; run < 7; run++) {
  const page = await h.context.newPage();
  await page.goto('about:blank');
  const cdp = await h.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(NEWS.url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  await cdp.send('Tracing.end');
  await complete;
  // no wait
  const c = summariseLoad(events, NEWS.url);
  out.push(`ext cpu ${c.cpu.extensionMs.toFixed(2)} tasks ${c.extensionTasks} later ${c.cpu.laterMs.toFixed(2)} eval ${c.scripts.map((s) => `${s.file} ${s.evaluateCpuMs.toFixed(2)}`).join(' ')}`);
  if (run === 6) {
    const ev = events.find((e) => e.name === 'EvaluateScript' && JSON.stringify(e.args).includes('granted-loader'));
    if (ev) {
      const inner = events.filter((e) => e.pid === ev.pid && e.tid === ev.tid && e.ts >= ev.ts && e.ts < ev.ts + (ev.dur ?? 0) && e.ph === 'X');
      for (const e of inner) out.push(`  ${e.name} ${((e.dur ?? 0) / 1000).toFixed(3)} wall ${(((e as {tdur?: number}).tdur ?? 0) / 1000).toFixed(3)} cpu ${JSON.stringify(e.args).slice(0, 150)}`);
    }
  }
  await page.close();
}
console.log(out.join('\n'));
await h.close();
