import { describe, expect, it } from 'vitest';
import { decide, type PageEvidence } from '@/components/recognition/decide';

const none: PageEvidence = { selfMedia: [], editorial: [] };

describe('decide (the page kind from the URL shape and what the page shows)', () => {
  it('takes a self-media URL at its word when the page confirms it', () => {
    expect(decide('self-media', { selfMedia: ['statement', 'crumb'], editorial: [] }).kind).toBe('self-media');
  });

  it('keeps the URL verdict when the page has not rendered anything yet', () => {
    expect(decide('self-media', none).kind).toBe('self-media');
  });

  it('is overruled by newsroom marks with no self-media sign at a self-media URL', () => {
    expect(decide('self-media', { selfMedia: [], editorial: ['crumb'] }).kind).toBe('editorial');
  });

  it('is not overruled when the statement is there despite newsroom-looking marks', () => {
    expect(decide('self-media', { selfMedia: ['statement'], editorial: ['source-line'] }).kind).toBe('self-media');
  });

  it('never calls an editorial URL self-media, whatever the page says', () => {
    expect(decide('editorial', { selfMedia: ['statement', 'crumb'], editorial: [] }).kind).toBe('editorial');
  });

  it.each(['statement', 'crumb', 'account-link', 'title'])('lets %s decide where both kinds share the URL', (sign) => {
    expect(decide('either', { selfMedia: [sign], editorial: [] }).kind).toBe('self-media');
  });

  it('reads a shared URL with newsroom marks only as editorial', () => {
    expect(decide('either', { selfMedia: [], editorial: ['editor-line'] }).kind).toBe('editorial');
  });

  it('does not guess on a shared URL that shows nothing', () => {
    expect(decide('either', none).kind).toBe('unknown');
  });

  it('knows nothing of a URL on no known platform, even with a copied statement', () => {
    expect(decide(null, { selfMedia: ['statement'], editorial: [] }).kind).toBe('unknown');
  });

  it('gives its reasons', () => {
    expect(decide('either', { selfMedia: ['statement', 'account-link'], editorial: ['crumb'] }).reasons).toEqual([
      'url:either',
      'statement',
      'account-link',
      'editorial:crumb',
    ]);
  });
});
