/**
 * The sync server's address: the host permission to ask for it, whether it is sent in the clear,
 * and what is wrong with a set-up before anything is asked or sent. Pure, so that the options
 * page, the popup and the tests agree on one answer (and the background can check the same
 * pattern with `permissions.contains`).
 */

/** The passphrase's least length, as SyncSetupSchema requires it. */
export const MIN_PASSPHRASE = 8;


import { parseHttp } from '@/components/sync/host-pattern';

export { serverOriginPattern } from '@/components/sync/host-pattern';

/** This machine: `localhost` (and its subdomains), 127.0.0.0/8, `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '[::1]';
}

/**
 * True when the app password would cross a network unencrypted: an `http:` address that is not
 * this machine. Warned about, not refused (a server at home may have no certificate); the notes
 * themselves are encrypted before they leave either way.
 */
export function sentInTheClear(input: string): boolean {
  const url = parseHttp(input);
  return url !== null && url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

export type SetupField = 'url' | 'user' | 'password' | 'passphrase' | 'repeat';
export type SetupProblem =
  | 'url-invalid'
  | 'url-credentials'
  | 'user-missing'
  | 'password-missing'
  | 'passphrase-short'
  | 'passphrase-mismatch';

export interface SetupInput {
  url: string;
  user: string;
  password: string;
  passphrase: string;
  repeat: string;
}

/**
 * What stops a set-up from being sent, in the form's order; empty when it may go. The passphrase
 * is compared as typed, never trimmed: spaces are part of it.
 */
export function setupProblems(input: SetupInput): { field: SetupField; problem: SetupProblem }[] {
  const out: { field: SetupField; problem: SetupProblem }[] = [];
  const url = parseHttp(input.url);
  if (!url) out.push({ field: 'url', problem: 'url-invalid' });
  // A user name or password inside the address would be stored with it and shown on the page.
  else if (url.username || url.password) out.push({ field: 'url', problem: 'url-credentials' });
  if (!input.user.trim()) out.push({ field: 'user', problem: 'user-missing' });
  if (!input.password) out.push({ field: 'password', problem: 'password-missing' });
  if (input.passphrase.length < MIN_PASSPHRASE) out.push({ field: 'passphrase', problem: 'passphrase-short' });
  else if (input.passphrase !== input.repeat) out.push({ field: 'repeat', problem: 'passphrase-mismatch' });
  return out;
}
