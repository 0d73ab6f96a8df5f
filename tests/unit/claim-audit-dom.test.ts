import { describe, expect, it, vi } from 'vitest';
import type { ClaimView } from '@/components/ui/page/claim-view';
import { claimAuditDom, type AuditState } from '@/components/ui/page/claim-audit-dom';

const claim = (index: number, category: ClaimView['category'], sentence = `第${index}句据悉有人说。`): ClaimView => ({
  index,
  category,
  sentence,
  cueStart: 0,
  cueEnd: 2,
  reason: { zh: '无出处', en: 'no source' },
});
const CLAIMS = [claim(0, 'vague'), claim(1, 'statistic'), claim(2, 'vague', '很长'.repeat(40))];

function audit(state: Partial<AuditState> = {}) {
  const view = claimAuditDom(document, 'zh');
  const full: AuditState = { claims: CLAIMS, marksOn: true, onToggleMarks: vi.fn(), onJump: vi.fn(), ...state };
  view.update(full);
  document.body.replaceChildren(view.element);
  const buttons = () => Array.from(view.element.querySelectorAll<HTMLButtonElement>('.audit-actions button'));
  return { view, full, buttons };
}

describe('claimAuditDom', () => {
  it('counts the claims by category', () => {
    const { view } = audit();
    const n = (c: string) => view.element.querySelector(`li.count[data-category="${c}"] .n`)?.textContent;
    expect([n('vague'), n('certainty'), n('statistic')]).toEqual(['2', '0', '1']);
    expect(view.element.querySelector('.audit-title')?.textContent).toBe('本文有 3 处没有可核查出处的说法');
  });

  it('builds the list only when the reader opens it, with shortened sentences, and jumps from it', () => {
    const { view, full, buttons } = audit();
    expect(view.element.querySelector('.claim-list')).toBeNull();
    const [list] = buttons();
    expect(list!.getAttribute('aria-expanded')).toBe('false');
    list!.click();
    expect(list!.getAttribute('aria-expanded')).toBe('true');
    const jumps = Array.from(view.element.querySelectorAll<HTMLButtonElement>('.claim-list button.jump'));
    expect(jumps.map((j) => j.dataset.category)).toEqual(['vague', 'statistic', 'vague']);
    expect(jumps[2]!.querySelector('.snippet')!.textContent).toBe(`${'很长'.repeat(30)}…`);
    jumps[1]!.click();
    expect(full.onJump).toHaveBeenCalledWith(1);
    list!.click();
    expect(view.element.querySelector('.claim-list')).toBeNull();
  });

  it('redraws in place: the focused button is the same element after an update', () => {
    const { view, full, buttons } = audit();
    const marks = buttons()[1]!;
    marks.focus();
    marks.click();
    expect(full.onToggleMarks).toHaveBeenCalledTimes(1);
    view.update({ ...full, marksOn: false });
    expect(buttons()[1]).toBe(marks);
    expect(document.activeElement).toBe(marks);
    expect(marks.getAttribute('aria-pressed')).toBe('true');
    expect(marks.textContent).toBe('显示标记');
  });

  it('offers no list button when there is no claim', () => {
    const { view, buttons } = audit({ claims: [] });
    expect(buttons()).toHaveLength(1);
    expect(view.element.querySelector('.audit-title')?.textContent).toBe('没有发现缺少出处的说法');
  });
});
