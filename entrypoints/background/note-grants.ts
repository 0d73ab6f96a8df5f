import type { NoteGrantRequest } from '@/storage/messaging/protocol';
import type { Annotation } from '@/storage/model/annotation';

/**
 * One-time tokens for the note frame. note.html takes no instructions from its URL (any site may
 * frame it): the content script asks here for a token naming what the frame may do, posts it to
 * the frame it made, and the frame redeems it. Redeeming binds the grant to that frame (tab and
 * frame id, as the browser reports them), so every later request of the frame is checked against
 * it; a second redemption, another tab's frame, a late one, or no token at all gets nothing.
 *
 * Kept in memory: a service worker that restarts forgets them, and the reader reopens the panel.
 */

/** Where the grant's page is, as the background derived it from the content script's sender. */
export interface GrantPage {
  pageKey: string;
  url: string;
}

export type NoteGrant = NoteGrantRequest & { page: GrantPage };

interface Pending {
  tabId: number;
  grant: NoteGrant;
  expires: number;
}

/** A redeemed grant. 'new' turns into 'view' of the annotation it created, once. */
export interface NoteSession {
  grant: NoteGrant;
  /** The annotation this frame may read and change: set for 'view', and after a 'new' saved. */
  annotationId: string | null;
  /** A 'new' grant's create while it is being written, so a second save waits for it. */
  creating?: Promise<Annotation> | null;
}

/** Long enough for a slow frame to load; short enough that a leaked token is soon worthless. */
const TOKEN_TTL_MS = 30_000;
const MAX_PENDING = 64;

export class NoteGrants {
  private pending = new Map<string, Pending>();
  private sessions = new Map<string, NoteSession>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly randomToken: () => string = defaultToken,
  ) {}

  issue(tabId: number, grant: NoteGrant): string {
    this.expire();
    // A page that makes the content script open panels in a loop cannot grow this without bound.
    if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    const token = this.randomToken();
    this.pending.set(token, { tabId, grant, expires: this.now() + TOKEN_TTL_MS });
    return token;
  }

  /** The grant for this frame, or null: unknown, used, expired or issued to another tab. */
  redeem(token: string, tabId: number, frameId: number): NoteSession | null {
    this.expire();
    const p = this.pending.get(token);
    if (!p) return null;
    this.pending.delete(token);
    if (p.tabId !== tabId) return null;
    const session: NoteSession = { grant: p.grant, annotationId: p.grant.mode === 'view' ? p.grant.id : null };
    this.sessions.set(key(tabId, frameId), session);
    return session;
  }

  session(tabId: number, frameId: number): NoteSession | null {
    return this.sessions.get(key(tabId, frameId)) ?? null;
  }

  /** The tab closed or navigated: its frames are gone. */
  dropTab(tabId: number): void {
    for (const [k, p] of this.pending) if (p.tabId === tabId) this.pending.delete(k);
    for (const k of this.sessions.keys()) if (k.startsWith(`${tabId}:`)) this.sessions.delete(k);
  }

  private expire(): void {
    const t = this.now();
    for (const [k, p] of this.pending) if (p.expires <= t) this.pending.delete(k);
  }
}

function key(tabId: number, frameId: number): string {
  return `${tabId}:${frameId}`;
}

function defaultToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
