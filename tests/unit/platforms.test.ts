import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { PLATFORMS } from '@/components/recognition/platforms';
import { findStatementElements, matchWording } from '@/components/recognition/statement';
import { matchUrl, selfMediaMatchPatterns, selfMediaOrigins } from '@/components/recognition/url-shape';
import { normalizeText } from '@/components/recognition/normalize';
import { PLATFORM_IDS, SELF_MEDIA_PAGES } from '@/components/vocabulary/page-kinds';
import { CASES, fullWidth, halfWidth, spaced } from './platform-cases';

function doc(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}

const injected = (() => {
  const patterns = selfMediaMatchPatterns().map((p) => new MatchPattern(p));
  return (url: string) => patterns.some((p) => p.includes(url));
})();

describe('the registry', () => {
  it('has one entry per platform and per self-media product', () => {
    expect(PLATFORMS.map((p) => p.id).sort()).toEqual([...PLATFORM_IDS].sort());
    expect(PLATFORMS.map((p) => p.page).sort()).toEqual([...SELF_MEDIA_PAGES].sort());
  });

  it('gives every shape where self-media can be a match pattern, and editorial shapes none', () => {
    for (const p of PLATFORMS) {
      for (const shape of p.urls) expect(shape.match === undefined, `${p.id} ${shape.host}${shape.path}`).toBe(shape.kind === 'editorial');
    }
  });

  it('starts every wording with a piece that no width or spacing variant changes', () => {
    for (const p of PLATFORMS) {
      for (const w of p.statements) {
        const [first] = w.pieces;
        if (w.lang === 'zh') expect(first, p.id).toMatch(/^[\u4e00-\u9fff]+$/);
        else expect(first, p.id).toMatch(/^[a-z]+(?: [a-z]+)*$/);
        for (const piece of w.pieces) if (typeof piece === 'string' && w.lang === 'zh') expect(piece).not.toMatch(/\s/);
      }
    }
  });

  it('names a statement wording for every platform that prints one', () => {
    for (const p of PLATFORMS) if (p.printsStatement) expect(p.statements.length, p.id).toBeGreaterThan(0);
  });

  it("says in the banner what the platform's current statement says it does", () => {
    const says = { stores: /仅提供信息存储/, publishes: /信息发布平台/, disowns: /不代表.*(观点|立场)/ };
    for (const p of PLATFORMS.filter((x) => x.printsStatement)) {
      const current = CASES[p.id].statements.find((st) => st.lang === 'zh');
      expect(current?.text, p.id).toMatch(says[p.role]);
    }
  });

  it('asks for https article URLs only, never a whole site', () => {
    for (const pattern of selfMediaMatchPatterns()) {
      expect(pattern).toMatch(/^https:\/\/[^/]+\/./);
      expect(pattern).not.toMatch(/^https:\/\/[^/]+\/\*$/);
    }
  });

  it('lets the article module load on the origins of those URLs, and on no other', () => {
    const origins = selfMediaOrigins();
    expect(new Set(origins).size).toBe(origins.length);
    for (const origin of origins) expect(origin).toMatch(/^https:\/\/[^/]+\/\*$/);
    const allowed = origins.map((o) => new MatchPattern(o));
    for (const pattern of selfMediaMatchPatterns()) {
      const host = pattern.slice('https://'.length, pattern.indexOf('/', 'https://'.length)).replace('*.', 'any.');
      expect(allowed.some((o) => o.includes(`https://${host}/`)), pattern).toBe(true);
    }
    expect(allowed.some((o) => o.includes('https://www.example.com/'))).toBe(false);
    expect(allowed.some((o) => o.includes('http://www.163.com/'))).toBe(false);
  });
});

describe.each(PLATFORMS.map((p) => [p.id, p] as const))('%s', (id, platform) => {
  const cases = CASES[id];
  const others = PLATFORMS.filter((p) => p !== platform);

  describe('URL shapes', () => {
    it.each(cases.selfMedia)('reads %s as self-media, and the content scripts run there', (url) => {
      expect(matchUrl(url)).toEqual({ platform, kind: 'self-media' });
      expect(injected(url)).toBe(true);
    });

    it.each(cases.either)('leaves %s to the page, and the content scripts run there', (url) => {
      expect(matchUrl(url)).toEqual({ platform, kind: 'either' });
      expect(injected(url)).toBe(true);
    });

    it.each(cases.editorial)('reads %s as the newsroom, and no script runs there by itself', (url) => {
      expect(matchUrl(url)).toEqual({ platform, kind: 'editorial' });
      expect(injected(url)).toBe(false);
    });

    it.each(cases.none)('does not take %s for an article of its', (url) => {
      expect(matchUrl(url)?.platform.id ?? null).not.toBe(id);
      expect(matchUrl(url, [platform])).toBeNull();
    });

    it.each([...cases.selfMedia, ...cases.either].map((u) => u.replace(/^https:/, 'http:')))(
      'does not take %s over http',
      (url) => {
        expect(matchUrl(url)).toBeNull();
        expect(injected(url)).toBe(false);
      },
    );
  });

  if (cases.statements.length === 0) {
    it('prints no statement, and the registry looks for none', () => {
      expect(platform.statements).toEqual([]);
      expect(platform.printsStatement).toBe(false);
    });
  }

  describe('statement wordings', () => {
    const variants = (text: string): [string, string][] => [
      ['as printed', text],
      ['half-width', halfWidth(text)],
      ['full-width', fullWidth(text)],
      ['spaced out', spaced(text)],
      ['half-width and spaced', spaced(halfWidth(text))],
    ];

    it.each(cases.statements.flatMap((s) => variants(s.text).map(([how, text]) => [how, text, s.lang] as const)))(
      'knows the statement %s: %s',
      (_how, text, lang) => {
        expect(matchWording(text, platform.statements)?.lang).toBe(lang);
      },
    );

    it.each(cases.notStatements)('does not take "%s" for the platform\'s statement', (text) => {
      expect(matchWording(text, platform.statements)).toBeNull();
    });

    // Chinese only: NetEase and ifeng print the same English boilerplate, and recognition only
    // looks for the wordings of the platform whose URL it is.
    it.each(cases.statements.filter((s) => s.lang === 'zh').map((s) => s.text))("does not take its statement for another platform's: %s", (text) => {
      for (const other of others) expect(matchWording(text, other.statements), other.id).toBeNull();
    });
  });

  if (cases.statements.length > 0) {
    describe('finding the statement in a page', () => {
      const [first] = cases.statements;
      const own = cases.notStatements[0]!;

      it("marks the statement's own element and not the author's 声明 line in the body", () => {
        const d = doc(`<article><p>正文第一段。</p><p id="own">${own}</p></article>
          <div class="footer"><p id="statement">${first!.text}</p><a href="#report">举报</a></div>`);
        expect(findStatementElements(d.body, platform.statements).map((e) => e.id)).toEqual(['statement']);
      });

      it('finds it when inline markup splits it (the platform named in a link, the rest in spans)', () => {
        const text = first!.text;
        const name = platform.statements[0]!.pieces[0];
        const at = text.toLowerCase().indexOf(name);
        const end = at + name.length;
        const d = doc(
          `<div id="s"><span>${text.slice(0, at)}</span><a href="#p">${text.slice(at, end)}</a>${text.slice(end, end + 3)}<b>${text.slice(end + 3)}</b></div>`,
        );
        expect(findStatementElements(d.body, platform.statements).map((e) => e.id)).toEqual(['s']);
      });

      it('marks one element per language, in document order, and nothing around them', () => {
        const html = cases.statements.map((s, i) => `<p id="s${i}">${s.text}</p>`).join('');
        const d = doc(`<div class="post_statement">${html}<div class="ad"><a href="#ad">广告</a></div></div>`);
        const found = findStatementElements(d.body, platform.statements);
        expect(found.map((e) => e.id)).toEqual(cases.statements.map((_s, i) => `s${i}`));
      });

      it('does not mark a long paragraph that merely quotes the statement', () => {
        const long = '这是一段很长的正文。'.repeat(60);
        const d = doc(`<div id="whole">${long}${first!.text}${long}</div>`);
        expect(findStatementElements(d.body, platform.statements)).toEqual([]);
      });
    });
  }
});

describe('normalizeText', () => {
  it('folds full-width punctuation, curly quotes and spacing so live and copied text compare equal', () => {
    const live = CASES.netease.statements[0]!.text;
    expect(normalizeText(live)).toBe(normalizeText(halfWidth(live)));
    expect(normalizeText('  a\u3000\u00a0 b\n\tc ')).toBe('a b c');
  });
});
