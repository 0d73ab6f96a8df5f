import { beforeEach, describe, expect, it, vi } from 'vitest';
import { provideDetector, withDetector, type Detector } from '@/components/claims/detector-slot';

const detector: Detector = () => [];

describe('the claim detector hand-over between the two content scripts', () => {
  beforeEach(() => {
    delete (globalThis as Record<string, unknown>).__sourcemarkClaimDetector;
  });

  it('uses the detector at once when its script ran first', () => {
    provideDetector(detector);
    const use = vi.fn();
    withDetector(use);
    expect(use).toHaveBeenCalledExactlyOnceWith(detector);
  });

  it('waits for the detector when the content script ran first, then uses it once', () => {
    const use = vi.fn();
    withDetector(use);
    expect(use).not.toHaveBeenCalled();
    provideDetector(detector);
    expect(use).toHaveBeenCalledExactlyOnceWith(detector);
    provideDetector(detector);
    expect(use).toHaveBeenCalledOnce();
  });
});
