import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountSummary, clearLedger, countOpened, type SenderPage } from '@/storage/db/factcheck-store';
import { SourcemarkDB } from '@/storage/db/db';
import { writeSettings } from '@/storage/db/settings';
import type { ArticleOpenedDraft } from '@/storage/messaging/protocol';
import type { Verdict } from '@/components/vocabulary/verdicts';
import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import { sampleAnnotation } from '../support/sample-annotation';

const ACCOUNT = '史政先锋';

const draft = (over: Partial<ArticleOpenedDraft> = {}): ArticleOpenedDraft => ({
  account: ACCOUNT,
  platform: 'netease',
  title: '美俄乌会谈无果而终',
  chars: 2000,
  claims: { vague: 2, certainty: 1, statistic: 1 },
  ...over,
});

/** The page a content script speaks for, as the background derives it from the sender. */
const page = (id: string): SenderPage => ({
  pageKey: `163.com/article/${id}`,
  url: `https://www.163.com/dy/article/${id}.html`,
});

const at = (iso: string) => new Date(iso);

const snapshotOf = (id: string): ArticleSnapshot => ({
  ...page(id),
  title: '美俄乌会谈无果而终',
  account: ACCOUNT,
  platform: 'netease',
  page: 'netease-hao',
  published: null,
  statement: null,
  paragraphs: ['第一段。'],
  sha256: '0'.repeat(64),
  taken: '2026-02-01T10:00:00.000Z',
});

describe('the account ledger in the database', () => {
  let db: SourcemarkDB;
  beforeEach(() => {
    db = new SourcemarkDB(`ledger-store-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  describe('countOpened', () => {
    it("stores an opened article with the background's page, address and time, and answers the account's summary", async () => {
      const summary = await countOpened(db, draft(), page('AAAAAAAAAAAAAAAA'), at('2026-02-01T10:00:00.000Z'));
      expect(await db.ledger.toArray()).toEqual([
        {
          ...draft(),
          pageKey: '163.com/article/AAAAAAAAAAAAAAAA',
          url: 'https://www.163.com/dy/article/AAAAAAAAAAAAAAAA.html',
          opened: '2026-02-01T10:00:00.000Z',
        },
      ]);
      expect(summary).toMatchObject({ account: ACCOUNT, platform: 'netease', articles: 1, chars: 2000, claims: 4, rate: 2 });
    });

    it('counts an article opened again once, with its latest numbers and time', async () => {
      await countOpened(db, draft({ chars: 1000 }), page('AAAAAAAAAAAAAAAA'), at('2026-02-01T10:00:00.000Z'));
      await countOpened(db, draft({ chars: 4000 }), page('BBBBBBBBBBBBBBBB'), at('2026-02-01T11:00:00.000Z'));
      const again = await countOpened(db, draft({ chars: 3000, claims: { vague: 0, certainty: 0, statistic: 3 } }), page('AAAAAAAAAAAAAAAA'), at('2026-02-02T09:00:00.000Z'));
      expect(await db.ledger.count()).toBe(2);
      expect(again).toMatchObject({ articles: 2, chars: 7000, claims: 7, lastOpened: '2026-02-02T09:00:00.000Z' });
      expect(again?.claimsByCategory).toEqual({ vague: 2, certainty: 1, statistic: 4 });
    });

    it('counts nothing and answers null when the reader switched the ledger off', async () => {
      await writeSettings(db, { ledgerEnabled: false });
      expect(await countOpened(db, draft(), page('AAAAAAAAAAAAAAAA'), at('2026-02-01T10:00:00.000Z'))).toBeNull();
      expect(await db.ledger.count()).toBe(0);
    });

    it('counts nothing for a page that names no account', async () => {
      expect(await countOpened(db, draft({ account: null }), page('AAAAAAAAAAAAAAAA'), at('2026-02-01T10:00:00.000Z'))).toBeNull();
      expect(await db.ledger.count()).toBe(0);
    });

    it('keeps one name on two platforms as two accounts', async () => {
      await countOpened(db, draft(), page('AAAAAAAAAAAAAAAA'), at('2026-02-01T10:00:00.000Z'));
      const sohu = await countOpened(db, draft({ platform: 'sohu' }), { pageKey: 'sohu.com/a/1_2', url: 'https://www.sohu.com/a/1_2' }, at('2026-02-01T11:00:00.000Z'));
      expect(sohu).toMatchObject({ platform: 'sohu', articles: 1 });
    });
  });

  describe('accountSummary', () => {
    it("counts the reader's verdicts on the account's pages only", async () => {
      await countOpened(db, draft(), page('AAAAAAAAAAAAAAAA'), at('2026-02-01T10:00:00.000Z'));
      await countOpened(db, draft({ account: '别的号' }), page('CCCCCCCCCCCCCCCC'), at('2026-02-01T10:00:00.000Z'));
      const assessed = (n: number, id: string, verdict: Verdict) =>
        sampleAnnotation({ id: `00000000-0000-4000-8000-00000000000${n}`, pageKey: page(id).pageKey, assessment: { verdict, evidence: [] } });
      await db.annotations.bulkPut([
        assessed(1, 'AAAAAAAAAAAAAAAA', 'false'),
        assessed(2, 'AAAAAAAAAAAAAAAA', 'false'),
        assessed(3, 'AAAAAAAAAAAAAAAA', 'supported'),
        assessed(4, 'CCCCCCCCCCCCCCCC', 'false'),
        // A highlight without a verdict counts for nothing.
        sampleAnnotation({ id: '00000000-0000-4000-8000-000000000005', pageKey: page('AAAAAAAAAAAAAAAA').pageKey }),
      ]);
      const s = await accountSummary(db, ACCOUNT, 'netease');
      expect(s?.verdicts).toEqual({ unchecked: 0, 'needs-source': 0, supported: 1, false: 2, misleading: 0 });
    });

    it('answers null for an account the ledger does not hold, or holds on another platform', async () => {
      await countOpened(db, draft(), page('AAAAAAAAAAAAAAAA'), at('2026-02-01T10:00:00.000Z'));
      expect(await accountSummary(db, '没打开过', 'netease')).toBeNull();
      expect(await accountSummary(db, ACCOUNT, 'sohu')).toBeNull();
    });
  });

  describe('clearLedger', () => {
    it('forgets every counted article and says how many, leaving annotations and snapshots', async () => {
      await countOpened(db, draft(), page('AAAAAAAAAAAAAAAA'), at('2026-02-01T10:00:00.000Z'));
      await countOpened(db, draft(), page('BBBBBBBBBBBBBBBB'), at('2026-02-01T10:00:00.000Z'));
      await db.annotations.put(sampleAnnotation({ pageKey: page('AAAAAAAAAAAAAAAA').pageKey }));
      await db.snapshots.put(snapshotOf('AAAAAAAAAAAAAAAA'));
      expect(await clearLedger(db)).toBe(2);
      expect(await db.ledger.count()).toBe(0);
      expect(await db.annotations.count()).toBe(1);
      expect(await db.snapshots.count()).toBe(1);
      expect(await accountSummary(db, ACCOUNT, 'netease')).toBeNull();
    });

    it('answers 0 on an empty ledger', async () => {
      expect(await clearLedger(db)).toBe(0);
    });
  });
});
