/**
 * Prints sentence-level precision, recall and F1 of detectClaims on the labelled corpus, per
 * split and per category, and how many properly sourced sentences it flags by mistake.
 *
 *   npx tsx tests/eval/claims-eval.ts            # tables
 *   npx tsx tests/eval/claims-eval.ts --errors   # plus the dev mistakes
 *   npx tsx tests/eval/claims-eval.ts --errors=heldout   # the held-out mistakes (read, don't tune)
 *   npx tsx tests/eval/claims-eval.ts --errors=blind     # the mistakes on articles written blind (likewise)
 *   npx tsx tests/eval/claims-eval.ts --tuning --errors  # what a tuner may read: no blind article at all
 *
 * Also a table per platform (held-out and all). Always exits 0: it is a report;
 * tests/unit/claims-corpus.test.ts asserts the goals.
 */
import { detectClaims } from '@/components/claims';
import { formatErrors, formatPlatformTable, formatReport, loadCorpus, runDetector, summarise, type Split } from './score';

// --tuning: leave the blind articles out altogether, so whoever tunes never sees their scores.
const tuning = process.argv.includes('--tuning');
const articles = loadCorpus().filter((a) => !(tuning && a.split === 'blind'));
const splits = tuning ? (['dev', 'heldout'] as const) : (['dev', 'heldout', 'blind'] as const);
const results = runDetector(articles, detectClaims);
console.log('Unsourced-claim detector, sentence level (tests/corpus/claims)\n');
for (const split of [...splits, 'all'] as const) {
  console.log(formatReport(summarise(results, split)));
  console.log('');
}
for (const split of [...splits.filter((x) => x !== 'dev'), 'all'] as const) {
  const which = { dev: 'dev articles', heldout: 'held-out articles', blind: 'articles written blind', all: 'all articles' }[split];
  console.log(`Per platform, ${which} (precision and recall over all unsourced sentences; cued recall leaves uncued ones out):\n`);
  console.log(formatPlatformTable(results, split));
  console.log('');
}
const held = summarise(results, 'heldout');
const heldElsewhere = summarise(
  results.filter((r) => r.platform !== 'netease'),
  'heldout',
);
const goal = (name: string, r: ReturnType<typeof summarise>): string => {
  const met = r.overall.precision >= 0.95 && r.overallCued.recall >= 0.9 && r.sourcedRate <= 0.05;
  return `  ${name}: P ${r.overall.precision.toFixed(2)}, cued recall ${r.overallCued.recall.toFixed(2)}, sourced flagged ${(100 * r.sourcedRate).toFixed(1)}%: ${met ? 'met' : 'NOT MET'}`;
};
console.log('Goals on held-out: overall P >= 0.95, cued recall >= 0.90, sourced flagged <= 5%; on all held-out articles and on those from');
console.log('platforms other than NetEase alone (tests/unit/claims-corpus.test.ts asserts them).');
console.log(goal('held-out, all platforms', held));
console.log(goal('held-out, not NetEase  ', heldElsewhere));

const errArg = process.argv.find((a) => a.startsWith('--errors'));
if (errArg) {
  const split: Split = errArg === '--errors=heldout' ? 'heldout' : errArg === '--errors=blind' ? 'blind' : 'dev';
  console.log(`\nMistakes on ${split}:`);
  console.log(formatErrors(results, split));
}
