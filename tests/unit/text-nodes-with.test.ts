import { describe, expect, it } from 'vitest';
import { textNodesWith } from '@/components/recognition/text-nodes-with';
import { DOMS } from '../support/doms';

describe.each(DOMS)('textNodesWith (%s)', (_, makeDoc) => {
  const texts = (nodes: Node[]) => nodes.map((n) => n.nodeValue);

  it('finds the Text nodes holding a piece, in document order, not those where markup splits it', () => {
    const d = makeDoc('<p>内容已<b>删除</b></p><div>此帐号已注销</div><p>内容<i>不</i>存在</p><p>删除</p>');
    expect(texts(textNodesWith(d, d.body, [{ piece: '删除', lower: false }, { piece: '注销', lower: false }, { piece: '不存在', lower: false }]))).toEqual([
      '删除',
      '此帐号已注销',
      '删除',
    ]);
  });

  it('folds A–Z for a lower-case piece, and nothing else', () => {
    const d = makeDoc('<p id="a">A user of NETEASE HAO.</p><p>netease hao</p><p>\u212Aelvin</p><p>Netease, Hao</p>');
    expect(texts(textNodesWith(d, d.body, [{ piece: 'netease hao', lower: true }]))).toEqual(['A user of NETEASE HAO.', 'netease hao']);
    expect(textNodesWith(d, d.body, [{ piece: 'kelvin', lower: true }])).toEqual([]);
  });

  it('takes a piece as text, never as a pattern', () => {
    const d = makeDoc("<p>SOHU'S PLATFORM (only) stores</p><p>sohu-s platform</p>");
    expect(texts(textNodesWith(d, d.body, [{ piece: "sohu's platform (only)", lower: true }]))).toEqual(["SOHU'S PLATFORM (only) stores"]);
  });

  it('finds nothing without triggers, and nothing in a page that holds none', () => {
    const d = makeDoc('<p>正文。</p>');
    expect(textNodesWith(d, d.body, [])).toEqual([]);
    expect(textNodesWith(d, d.body, [{ piece: '删除', lower: false }])).toEqual([]);
  });
});
