import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The extension's icon: one hand-written SVG and the PNGs rendered from it
 * (tests/support/render-icons.ts), which are committed so that a build needs no browser.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
export const ICON_DIR = path.join(ROOT, 'public/icon');
export const ICON_SVG = path.join(ICON_DIR, 'icon.svg');
/** What the PNGs were rendered from: the SVG's hash, written by the render script. */
export const ICON_STAMP = path.join(ICON_DIR, 'rendered-from.json');
/** Chrome's store wants 128 (and uses 16/32/48 in the browser); Firefox's wants 48 and 96. */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

export interface IconStamp {
  svgSha256: string;
  sizes: number[];
}

export function pngPath(size: number): string {
  return path.join(ICON_DIR, `${size}.png`);
}

export function svgSha256(): string {
  return createHash('sha256').update(fs.readFileSync(ICON_SVG)).digest('hex');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A PNG's width and height from its IHDR chunk, which the format puts first, right after the
 * 8-byte signature (length, "IHDR", then width and height as big-endian 32-bit numbers).
 * Null for anything that is not a PNG.
 */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
