import { browser } from 'wxt/browser';

/**
 * When sync runs by itself: a short while after the reader changes something (so a burst of
 * highlights goes in one batch, one file), every 15 minutes (alarms survive the service worker
 * being stopped), and at browser start. "Sync now" runs it at once.
 */
export const SYNC_ALARM = 'sourcemark-sync';
export const WEEKLY_ALARM = 'sourcemark-weekly-backup';
const PERIOD_MINUTES = 15;
/** Long enough to gather a burst of edits, short enough that a reader switching machines finds them. */
export const DEBOUNCE_MS = 5_000;

export class SyncSchedule {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly run: () => void,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {}

  /** Something changed locally: sync after a quiet moment. */
  soon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, this.debounceMs);
  }

  /**
   * Creates the alarms once. The service worker starts many times a day; creating an alarm again
   * would restart its period each time, and sync would run a minute after every wake-up instead.
   */
  static async start(): Promise<void> {
    if (!(await browser.alarms.get(SYNC_ALARM))) {
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: 1 });
    }
    if (!(await browser.alarms.get(WEEKLY_ALARM))) {
      await browser.alarms.create(WEEKLY_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
    }
  }
}
