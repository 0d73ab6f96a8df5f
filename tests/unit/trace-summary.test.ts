import { describe, expect, it } from 'vitest';
import { isExtensionEvent, summariseLoad, type TraceEvent } from '../bench/trace-summary';

const URL = 'https://www.163.com/dy/article/X.html';
const EXT = 'chrome-extension://abcdefghijklmnop';
const PAGE = { pid: 10, tid: 10 };

/** A complete ('X') event on the page's main thread, times in ms (the trace's are µs). */
function x(name: string, at: number, dur: number, args: Record<string, unknown> = {}, thread = PAGE, cpu?: number): TraceEvent {
  return { name, ph: 'X', ts: at * 1000, dur: dur * 1000, ...(cpu === undefined ? {} : { tdur: cpu * 1000 }), ...thread, args };
}

const parse = x('ParseHTML', 1, 2, { beginData: { url: URL } });

describe('summariseLoad', () => {
  it('counts the page main thread’s tasks from the parse on, and the extension’s apart', () => {
    const events = [
      x('RunTask', 0.5, 0.2), // before the page's parse: another page's
      x('RunTask', 1, 3),
      parse,
      x('RunTask', 10, 30),
      x('EvaluateScript', 10, 29, { data: { url: `${EXT}/content-script.js` } }),
      x('v8.compile', 10, 4, { data: { url: `${EXT}/content-script.js` } }),
      x('RunTask', 50, 5),
      x('Receive mojo message', 50, 5, { chrome_mojo_event_info: { mojo_interface_tag: 'extensions.mojom.MessagePort' } }),
      x('RunTask', 60, 7),
      x('Layout', 60, 6),
      // Another renderer's main thread (the extension's service worker, another tab): not counted.
      x('RunTask', 70, 100, {}, { pid: 20, tid: 20 }),
      x('EvaluateScript', 70, 99, { data: { url: `${EXT}/background.js` } }, { pid: 20, tid: 20 }),
    ];
    const cost = summariseLoad(events, URL);
    expect(cost.mainThreadMs).toBeCloseTo(3 + 30 + 5 + 7);
    expect(cost.tasks).toBe(4);
    expect(cost.extensionMs).toBeCloseTo(35);
    expect(cost.extensionTasks).toBe(2);
    expect(cost.longestExtensionTaskMs).toBeCloseTo(30);
    expect(cost.laterMs).toBeCloseTo(5);
    expect(cost.scripts).toEqual([{ file: 'content-script.js', evaluateMs: 29, evaluateCpuMs: 29, compileMs: 4 }]);
  });

  it('counts a module the content script imports as a script, and what a background thread compiled of it apart', () => {
    const DYNAMIC = 'chrome-extension://d24e2e75-9ce9-4b11-bdb3-a8d74f388aec';
    const WORKER = { pid: 10, tid: 33 };
    const events = [
      parse,
      x('RunTask', 10, 2, {}, PAGE, 1.5),
      x('EvaluateScript', 10, 1, { data: { url: `${EXT}/article-loader.js` } }, PAGE, 0.8),
      // Compiled while the page went on: another thread of the page's renderer.
      x('v8.parseOnBackground', 12, 9, { data: { url: `${DYNAMIC}/claims.js` } }, WORKER, 8),
      // Another renderer compiling something of its own: not this page's.
      x('v8.parseOnBackground', 12, 50, { data: { url: `${DYNAMIC}/claims.js` } }, { pid: 20, tid: 21 }, 50),
      x('RunTask', 30, 4, {}, PAGE, 3),
      x('v8.compileModule', 30, 0.5, { data: { url: `${EXT}/claims.js` } }, PAGE, 0.4),
      x('v8.evaluateModule', 31, 2.5, { worldName: 'Sourcemark' }, PAGE, 2),
      x('RunTask', 40, 6, {}, PAGE, 5),
      x('Layout', 40, 6),
    ];
    const cost = summariseLoad(events, URL);
    expect(cost.cpu.extensionMs).toBeCloseTo(4.5);
    expect(cost.extensionTasks).toBe(2);
    expect(cost.cpu.laterMs).toBeCloseTo(0);
    expect(cost.offThreadMs).toBeCloseTo(8);
    expect(cost.scripts).toEqual([
      { file: 'article-loader.js', evaluateMs: 1, evaluateCpuMs: 0.8, compileMs: 0 },
      { file: 'claims.js', evaluateMs: 3, evaluateCpuMs: 2.4, compileMs: 0.5, offThreadCompileMs: 8 },
    ]);
  });

  it('sums CPU time apart from wall time where the trace has the thread clock', () => {
    const events = [
      parse,
      x('RunTask', 10, 30, {}, PAGE, 12),
      x('EvaluateScript', 10, 29, { data: { url: `${EXT}/content-script.js` } }, PAGE, 11),
      x('RunTask', 50, 5, {}, PAGE, 1),
      x('Receive mojo message', 50, 5, { chrome_mojo_event_info: { mojo_interface_tag: 'extensions.mojom.MessagePort' } }),
      x('RunTask', 60, 7, {}, PAGE, 6),
    ];
    const cost = summariseLoad(events, URL);
    expect(cost.extensionMs).toBeCloseTo(35);
    expect(cost.cpu.extensionMs).toBeCloseTo(13);
    expect(cost.cpu.mainThreadMs).toBeCloseTo(19);
    expect(cost.cpu.longestExtensionTaskMs).toBeCloseTo(12);
    expect(cost.cpu.laterMs).toBeCloseTo(1);
    expect(cost.scripts[0]!.evaluateCpuMs).toBeCloseTo(11);
  });

  it('leaves out the tasks the DevTools protocol caused', () => {
    const events = [
      parse,
      x('RunTask', 10, 40),
      x('Receive mojo message', 10, 1, { chrome_mojo_event_info: { mojo_interface_tag: 'blink.mojom.DevToolsSession' } }),
      x('EvaluateScript', 11, 38, {}),
      x('RunTask', 60, 2),
    ];
    const cost = summariseLoad(events, URL);
    expect(cost.mainThreadMs).toBeCloseTo(2);
    expect(cost.tasks).toBe(1);
  });

  it('counts a task nested in another once', () => {
    const cost = summariseLoad([parse, x('RunTask', 10, 20), x('RunTask', 12, 5)], URL);
    expect(cost.mainThreadMs).toBeCloseTo(20);
    expect(cost.tasks).toBe(1);
  });

  it('refuses a trace in which the page never loaded', () => {
    expect(() => summariseLoad([x('RunTask', 1, 1)], URL)).toThrow(/no ParseHTML/);
  });
});

describe('isExtensionEvent', () => {
  it.each([
    ['a script of the extension', x('v8.compile', 0, 1, { fileName: `${EXT}/claims.js` }), true],
    ['a module of the extension run in its world', x('v8.evaluateModule', 0, 1, { worldName: 'Sourcemark' }), true],
    ["a module of the page's own", x('v8.evaluateModule', 0, 1, {}), false],
    ['code in an isolated world', x('v8.run', 0, 1, { fileName: '', worldName: 'Sourcemark 溯源标记' }), true],
    ['code in the page’s own world', x('v8.run', 0, 1, { fileName: 'https://www.163.com/a.js', worldName: '' }), false],
    ['a page script', x('EvaluateScript', 0, 1, { data: { url: 'https://www.163.com/a.js' } }), false],
    ['an extension message', x('Receive mojo message', 0, 1, { chrome_mojo_event_info: { mojo_interface_tag: 'extensions.mojom.EventDispatcher' } }), true],
    ['Safe Browsing’s reporter', x('Receive mojo message', 0, 1, { chrome_mojo_event_info: { mojo_interface_tag: 'safe_browsing.mojom.ExtensionWebRequestReporter' } }), false],
  ])('tells %s (%s)', (_what, event, expected) => {
    expect(isExtensionEvent(event)).toBe(expected);
  });
});
