/**
 * What a Chromium performance trace (devtools.timeline categories, recorded over CDP by
 * tests/bench/page-cost.ts) says a page load cost its main thread, and how much of it was the
 * extension's. Pure: trace events in, numbers out, so tests/unit/trace-summary.test.ts can check
 * it on hand-made events.
 *
 * The page's main thread is the renderer thread that parsed the page's URL (ParseHTML). Its
 * top-level tasks (RunTask) from that parse to the end of the trace are the load's main-thread
 * time. A task is the extension's when something in it is: a script of the extension evaluated or
 * compiled (its chrome-extension:// URL), code run in an isolated world (v8.run names its world;
 * the page's own world has no name), or a message of the extension system received
 * (extensions.mojom.*: the answer to a content script's runtime.sendMessage, an event
 * dispatched to it), whose callbacks and their microtasks run in that same task. Tasks the
 * DevTools protocol caused (blink.mojom.DevToolsSession: the harness's own evaluations) count
 * for neither.
 *
 * A module the extension's content script imports (Chrome's article module,
 * entrypoints/article-loader.ts) is a script too: its compile on the main thread
 * (v8.compileModule) and its evaluation (v8.evaluateModule, in the isolated world). What Chromium
 * compiled of it on a background thread while the page went on (v8.parseOnBackground, at the
 * module's URL) is no main-thread time: it is reported apart, as `offThreadMs`.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's own clock over the event: CPU time, without the time the OS ran other work. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

export interface ScriptCost {
  /** The file, as its URL's path (content-script.js, claims.js…). */
  file: string;
  /** EvaluateScript: compiling and running the script's top level, and whatever it starts synchronously. */
  evaluateMs: number;
  /** The same in CPU time (the thread's clock). */
  evaluateCpuMs: number;
  /** v8.compile inside it (a module's v8.compileModule: finishing what a background thread compiled). */
  compileMs: number;
  /** For a module: what a background thread compiled of it, in ms (none of it on the main thread). */
  offThreadCompileMs?: number;
}

export interface LoadCost {
  /** Top-level tasks of the page's main thread from its parse on, in ms, DevTools' own left out. */
  mainThreadMs: number;
  tasks: number;
  /** The tasks that were the extension's (see above), in ms. */
  extensionMs: number;
  extensionTasks: number;
  /** The longest of those. */
  longestExtensionTaskMs: number;
  /** The extension's scripts as evaluated, in the order they ran. */
  scripts: ScriptCost[];
  /** The extension's tasks other than those that evaluated its scripts: callbacks, later work. */
  laterMs: number;
  /**
   * The same sums in CPU time (the thread's clock, `tdur`): on a busy machine the wall-clock
   * figures above include the time the OS gave other processes, these do not.
   */
  cpu: { mainThreadMs: number; extensionMs: number; longestExtensionTaskMs: number; laterMs: number };
  /** The extension's work on the page's other threads (a module compiled in the background), CPU ms. */
  offThreadMs: number;
}

const TOP_TASK = 'RunTask';
const EXTENSION_URL = /^(chrome|moz)-extension:\/\//;

function urlOf(e: TraceEvent): string | undefined {
  const data = e.args?.data as { url?: unknown } | undefined;
  if (typeof data?.url === 'string') return data.url;
  const file = e.args?.fileName;
  return typeof file === 'string' ? file : undefined;
}

function mojoTag(e: TraceEvent): string | undefined {
  const info = e.args?.chrome_mojo_event_info as { mojo_interface_tag?: unknown } | undefined;
  return typeof info?.mojo_interface_tag === 'string' ? info.mojo_interface_tag : undefined;
}

/** Whether the event is the extension's doing, by the rules at the top of this file. */
export function isExtensionEvent(e: TraceEvent): boolean {
  const url = urlOf(e);
  if (url && EXTENSION_URL.test(url)) return true;
  const inWorld = e.name === 'v8.run' || e.name === 'v8.evaluateModule';
  if (inWorld && typeof e.args?.worldName === 'string' && e.args.worldName !== '') return true;
  return mojoTag(e)?.startsWith('extensions.mojom.') === true;
}

const isDevTools = (e: TraceEvent) => mojoTag(e) === 'blink.mojom.DevToolsSession';

const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
const cpuOf = (e: TraceEvent) => e.tdur ?? e.dur ?? 0;
/** A URL's path without its leading slash: Chrome's dynamic URL of a file has another host than its id. */
const fileOf = (url: string) => new URL(url).pathname.slice(1);
const ms = (us: number) => us / 1000;

/**
 * Sums a page load from its trace. `pageUrl` names the page (its ParseHTML picks the thread and
 * the start). Throws if the trace never parsed that URL: the page did not load.
 */
export function summariseLoad(events: readonly TraceEvent[], pageUrl: string): LoadCost {
  const parse = events.find(
    (e) => e.name === 'ParseHTML' && (e.args?.beginData as { url?: unknown } | undefined)?.url === pageUrl,
  );
  if (!parse) throw new Error(`the trace has no ParseHTML of ${pageUrl}`);
  const onThread = events
    .filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const tasks = onThread.filter((e) => e.name === TOP_TASK && end(e) > parse.ts);
  // Nested tasks (a RunTask inside a RunTask: a nested run loop) would count twice.
  const top: TraceEvent[] = [];
  for (const t of tasks) if (!top.length || t.ts >= end(top[top.length - 1]!)) top.push(t);

  const inner = onThread.filter((e) => e.name !== TOP_TASK);
  let i = 0;
  let mainThread = 0;
  let counted = 0;
  let extension = 0;
  let extensionTasks = 0;
  let longest = 0;
  let later = 0;
  const cpu = { mainThreadMs: 0, extensionMs: 0, longestExtensionTaskMs: 0, laterMs: 0 };
  // The extension's modules compiled on the page's other threads (its renderer, not the main thread).
  const offThread = events.filter(
    (e) => e.pid === parse.pid && e.tid !== parse.tid && e.ph === 'X' && e.name === 'v8.parseOnBackground' && EXTENSION_URL.test(urlOf(e) ?? ''),
  );
  const scripts: ScriptCost[] = [];
  for (const task of top) {
    while (i < inner.length && inner[i]!.ts < task.ts) i++;
    const within: TraceEvent[] = [];
    for (let j = i; j < inner.length && inner[j]!.ts < end(task); j++) within.push(inner[j]!);
    if (within.some(isDevTools)) continue;
    const dur = ms(task.dur ?? 0);
    const cpuDur = ms(task.tdur ?? task.dur ?? 0);
    mainThread += dur;
    cpu.mainThreadMs += cpuDur;
    counted++;
    if (!within.some(isExtensionEvent)) continue;
    extension += dur;
    cpu.extensionMs += cpuDur;
    extensionTasks++;
    longest = Math.max(longest, dur);
    cpu.longestExtensionTaskMs = Math.max(cpu.longestExtensionTaskMs, cpuDur);
    const evaluated = within.filter((e) => e.name === 'EvaluateScript' && EXTENSION_URL.test(urlOf(e) ?? ''));
    const modules = within.filter((e) => e.name === 'v8.compileModule' && EXTENSION_URL.test(urlOf(e) ?? ''));
    if (evaluated.length === 0 && modules.length === 0) {
      later += dur;
      cpu.laterMs += cpuDur;
    }
    for (const ev of evaluated) {
      const compile = within
        .filter((e) => e.name === 'v8.compile' && urlOf(e) === urlOf(ev) && e.ts >= ev.ts && end(e) <= end(ev))
        .reduce((sum, e) => sum + (e.dur ?? 0), 0);
      scripts.push({
        file: fileOf(urlOf(ev)!),
        evaluateMs: ms(ev.dur ?? 0),
        evaluateCpuMs: ms(cpuOf(ev)),
        compileMs: ms(compile),
      });
    }
    for (const mod of modules) {
      const file = fileOf(urlOf(mod)!);
      const run = within.filter((e) => e.name === 'v8.evaluateModule' && isExtensionEvent(e));
      const background = offThread.filter((e) => fileOf(urlOf(e)!) === file);
      scripts.push({
        file,
        evaluateMs: ms([mod, ...run].reduce((sum, e) => sum + (e.dur ?? 0), 0)),
        evaluateCpuMs: ms([mod, ...run].reduce((sum, e) => sum + cpuOf(e), 0)),
        compileMs: ms(mod.dur ?? 0),
        offThreadCompileMs: ms(background.reduce((sum, e) => sum + cpuOf(e), 0)),
      });
    }
  }
  return {
    mainThreadMs: mainThread,
    tasks: counted,
    extensionMs: extension,
    extensionTasks,
    longestExtensionTaskMs: longest,
    scripts,
    laterMs: later,
    cpu,
    offThreadMs: ms(offThread.reduce((sum, e) => sum + cpuOf(e), 0)),
  };
}
