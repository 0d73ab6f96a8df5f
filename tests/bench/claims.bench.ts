/**
 * Times detectClaims on the seed article and on ~250 KB / 500 KB / 1 MB of article text built
 * by repeating every corpus article, and reports characters per millisecond. Equal chars/ms
 * across the three sizes is what "time grows linearly with text length" looks like.
 *
 *   npx tsx tests/bench/claims.bench.ts
 */
import { pathToFileURL } from 'node:url';
import { detectClaims } from '@/components/claims';
import { articleText, loadCorpus } from '../eval/score';

export interface Row {
  name: string;
  chars: number;
  iterations: number;
  medianMs: number;
  charsPerMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function time(name: string, text: string, iterations: number): Row {
  for (let i = 0; i < Math.min(5, iterations); i++) detectClaims(text); // warm up the JIT
  const ms: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    detectClaims(text);
    ms.push(performance.now() - t0);
  }
  const m = median(ms);
  return { name, chars: text.length, iterations, medianMs: m, charsPerMs: m > 0 ? text.length / m : Infinity };
}

function repeatTo(base: string, size: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    parts.push(base);
    n += base.length + 1;
  }
  return parts.join('\n').slice(0, size);
}

export async function runClaimsBench(): Promise<Row[]> {
  const articles = loadCorpus();
  const seed = articles.find((a) => a.id === 'seed');
  if (!seed) throw new Error('seed article missing from tests/corpus/claims');
  const seedText = articleText(seed).text;
  const all = articles.map((a) => articleText(a).text).join('\n');
  return [
    time('seed article', seedText, 500),
    time('corpus x ~250 KB', repeatTo(all, 250_000), 15),
    time('corpus x ~500 KB', repeatTo(all, 500_000), 11),
    time('corpus x ~1 MB', repeatTo(all, 1_000_000), 7),
  ];
}

export function formatRows(rows: Row[]): string {
  const head = 'case                 chars      iters  median ms   chars/ms';
  const lines = rows.map(
    (r) =>
      `${r.name.padEnd(20)} ${String(r.chars).padStart(9)}  ${String(r.iterations).padStart(5)}  ${r.medianMs.toFixed(3).padStart(9)}  ${Math.round(r.charsPerMs).toString().padStart(9)}`,
  );
  return [head, ...lines].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runClaimsBench();
  console.log('detectClaims benchmark (median of repeated runs)\n');
  console.log(formatRows(rows));
}
