import { describe, expect, it, vi } from 'vitest';
import { bannerDom } from '@/components/ui/page/banner-dom';
import { PLATFORMS } from '@/components/recognition/platforms';

describe('bannerDom', () => {
  it('is a region named Sourcemark with the notice and a dismiss button', () => {
    const onDismiss = vi.fn();
    const { names } = PLATFORMS.find((p) => p.id === 'netease')!;
    const { root, text } = bannerDom(document, { lang: 'zh', selfMedia: { names, account: '某号', role: 'stores' }, onDismiss });
    expect(root.getAttribute('role')).toBe('region');
    expect(root.getAttribute('aria-label')).toBe('Sourcemark');
    expect(root.lang).toBe('zh-CN');
    expect(text.querySelector('.title')?.textContent).toBe('自媒体文章');
    expect(text.querySelector('.body')?.textContent).toContain('网易号“某号”');
    root.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
