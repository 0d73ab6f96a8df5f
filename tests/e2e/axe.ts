/**
 * An accessibility pass with axe-core over one part of a page: a Sourcemark surface in a web
 * page (the claim tooltip, the banner), or an extension page (side panel, snapshot, ledger). Only
 * the part named is checked, so the host page's own faults never fail our tests.
 *
 * axe runs in the page's main world, injected through the DevTools protocol (`page.evaluate` of
 * its source), which a page's or an extension page's Content-Security-Policy does not block. It
 * walks open shadow roots, which is how Sourcemark's page UI is built (components/marking/shadow-host.ts).
 * A Frame works as a page does: the note frame (note.html inside a web page) is checked in its own
 * document.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import type { ElementContext, ImpactValue, RunOptions, SerialContextObject, SerialSelector } from 'axe-core';
import { expect } from 'vitest';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a test: a reader is blocked, or has serious trouble. */
const FAILING: readonly ImpactValue[] = ['serious', 'critical'];

/** What to check: a CSS selector, `{ fromShadowDom: [host, inner] }`, or `{ include, exclude }` of those. */
export type AxeScope = SerialSelector | SerialContextObject;

export interface AxeFinding {
  rule: string;
  impact: ImpactValue | undefined;
  help: string;
  /** The offending elements, as axe's selectors (shadow paths are arrays). */
  targets: string[];
  /** What axe said about each element (why it failed, or why it could not decide). */
  why: string[];
}

export interface AxeSummary {
  /** The rules that passed on at least one element of the part checked. */
  passed: string[];
  violations: AxeFinding[];
  /** What axe could not decide by itself (a background it could not find, icon glyphs, …). */
  incomplete: AxeFinding[];
}

/**
 * Runs axe over `include` (a CSS selector, or `{ fromShadowDom: [host, inner] }` for part of a
 * shadow root; the host alone takes in its whole shadow tree) with axe's default rules (WCAG 2.x
 * A and AA, and best practices).
 */
export async function runAxe(page: Page | Frame, include: AxeScope, options: RunOptions = {}): Promise<AxeSummary> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ([context, opts]) => {
      const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
      const r = await axe.run(context as ElementContext, opts);
      const findings = (results: typeof r.violations) =>
        results.map((v) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => JSON.stringify(n.target)),
          why: v.nodes.map((n) => [...n.any, ...n.all, ...n.none].map((c) => c.message).join(' ')),
        }));
      return { passed: r.passes.map((p) => p.id), violations: findings(r.violations), incomplete: findings(r.incomplete) };
    },
    [include, options] as const,
  );
}

/**
 * Moves a UI host that lives on `<html>` (as Sourcemark's do, so a page that rewrites its body
 * keeps them) into `<body>`: axe cannot find the background of anything outside `<body>` and
 * leaves every colour-contrast check there undecided. The host's looks do not change (`:host`
 * cuts inheritance, and its boxes are positioned); call it just before `expectNoSeriousViolations`.
 */
export async function hostIntoBody(page: Page, host: string): Promise<void> {
  await page.evaluate((sel) => document.body.append(document.querySelector(sel)!), host);
}

/**
 * Fails the test on any serious or critical violation inside `include`, naming each; returns the
 * whole summary (minor and moderate findings included) for the test to report.
 */
export async function expectNoSeriousViolations(page: Page | Frame, include: AxeScope, options?: RunOptions): Promise<AxeSummary> {
  const summary = await runAxe(page, include, options);
  // Proof the pass looked at something: a selector that matched nothing passes every rule vacuously.
  expect(summary.passed.length, 'axe checked no element: does the selector match?').toBeGreaterThan(0);
  const failing = summary.violations.filter((v) => FAILING.includes(v.impact ?? null));
  expect(failing, failing.map((v) => `${v.impact} ${v.rule}: ${v.help} at ${v.targets.join(', ')}`).join('\n')).toEqual([]);
  return summary;
}
