/**
 * The two ways reading the reader's encrypted files fails. They are told apart because the
 * reader does something different about each: a wrong passphrase is retyped, a damaged file is
 * skipped (sync) or reported (a backup), and retyping the passphrase would not help it.
 *
 * `name` is set so that code holding an error from another realm or a structured clone (a
 * message from the background) can still tell them apart without `instanceof`.
 */

/** The key file is sound, but the passphrase does not open it. */
export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';
  constructor(message = 'this passphrase does not open the sync folder') {
    super(message);
  }
}

/**
 * A file that cannot be read as what it claims to be. `message` says why without the file's
 * name, so that a report can put the two side by side (the engine's `damaged` list does).
 */
export class DamagedFileError extends Error {
  override name = 'DamagedFileError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(reason);
  }
}
