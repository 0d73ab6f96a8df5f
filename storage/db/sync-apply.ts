import type { KeptAside } from '@/components/sync/kept-aside';
import { compareStamps, sameStamp, type Version } from '@/components/sync/versions';
import { AnnotationSchema, quoteOf, type Annotation, type Assessment } from '../model/annotation';
import type { SourcemarkDB } from './db';
import { deviceId } from './journal';
import type { VersionRow } from './version-row';

export interface SyncApplied {
  applied: number;
  /** Pages whose annotations changed (open tabs reload theirs). */
  pageKeys: string[];
}

/** The tables `applyVersions` must run in. */
export function applyTables(db: SourcemarkDB) {
  return [db.annotations, db.versions, db.syncState, db.keptAside] as const;
}

/**
 * Merges versions from other devices, each against what this device has now, inside one
 * transaction (a reader's edit made while the files were downloading is compared too, never
 * overwritten by an older version). A version wins by compareStamps; a losing version of this
 * device's that the winner was not made on top of is a concurrent edit: its note and tags are
 * kept aside when the winner lacks them.
 */
export async function applyVersions(db: SourcemarkDB, incoming: readonly Version[], at: Date): Promise<SyncApplied> {
  // The best of each id in this batch first: a base and a change file may both hold one.
  const best = new Map<string, Version>();
  for (const v of incoming) {
    const seen = best.get(v.id);
    if (!seen || compareStamps(v, seen) > 0) best.set(v.id, v);
  }
  const wins = [...best.values()];
  const me = await deviceId(db);
  const locals = await db.versions.bulkGet(wins.map((v) => v.id));
  const winners: { v: Version; local: VersionRow | undefined }[] = [];
  wins.forEach((v, i) => {
    const local = locals[i];
    if (!local || compareStamps(v, local) > 0) winners.push({ v, local });
  });
  if (!winners.length) return { applied: 0, pageKeys: [] };

  const liveBefore = await db.annotations.bulkGet(winners.map((w) => w.v.id));
  const kept: KeptAside[] = [];
  const puts: Annotation[] = [];
  const deletes: string[] = [];
  const pageKeys = new Set<string>();
  winners.forEach(({ v, local }, i) => {
    const before = liveBefore[i];
    if (before && local && !local.deleted && local.dev === me && !sameStamp(v.prev, local)) {
      const lost = lostParts(before, v, local.t);
      if (lost) kept.push({ ...lost, changed: new Date(local.t).toISOString(), at: at.toISOString() });
    }
    if (before) pageKeys.add(before.pageKey);
    pageKeys.add(v.pageKey);
    if (v.deleted) deletes.push(v.id);
    else puts.push(AnnotationSchema.parse(v.annotation));
  });
  await db.annotations.bulkDelete(deletes);
  await db.annotations.bulkPut(puts);
  await db.versions.bulkPut(
    winners.map(({ v }) => ({ id: v.id, pageKey: v.pageKey, gen: v.gen, t: v.t, dev: v.dev, deleted: v.deleted, prev: v.prev, seq: 0 })),
  );
  if (kept.length) await db.keptAside.bulkPut(kept);
  return { applied: winners.length, pageKeys: [...pageKeys] };
}

/** What the losing local version said that the winner does not, or null when nothing is lost. */
function lostParts(loser: Annotation, winner: Version, t: number): Omit<KeptAside, 'changed' | 'at'> | null {
  const winnerNote = winner.deleted ? '' : winner.annotation.note;
  const winnerTags = new Set(winner.deleted ? [] : winner.annotation.tags);
  const note = loser.note.trim() && loser.note !== winnerNote ? loser.note : '';
  const tags = loser.tags.filter((t) => !winnerTags.has(t));
  const assessment = lostAssessment(loser.assessment, winner.deleted ? undefined : winner.annotation.assessment);
  if (!note && !tags.length && !assessment) return null;
  return {
    key: `${loser.id}@${t}`,
    annotationId: loser.id,
    url: loser.url,
    title: loser.title,
    quote: quoteOf(loser).exact,
    note,
    tags,
    reason: winner.deleted ? 'deleted' : 'newer-edit',
    ...(assessment ? { assessment } : {}),
  };
}

/**
 * The losing verdict, with all its evidence, when the winner decided otherwise or dropped a link;
 * an "unchecked" verdict with no evidence records no decision, so nothing is lost with it.
 */
function lostAssessment(loser: Assessment | undefined, winner: Assessment | undefined): KeptAside['assessment'] | null {
  if (!loser || (loser.verdict === 'unchecked' && !loser.evidence.length)) return null;
  const sameVerdict = winner?.verdict === loser.verdict;
  const winnerLinks = new Set(winner?.evidence ?? []);
  if (sameVerdict && loser.evidence.every((link) => winnerLinks.has(link))) return null;
  return { verdict: loser.verdict, evidence: [...loser.evidence] };
}
