import { type SweepDeps, type SweepReport, sweepData } from './sweep-data.js';

/**
 * Why hourly: a temporary is then gone at most two hours after the process that left it died, and
 * a draft at most an hour after its week; a sweep is a walk of the data folder and one query per
 * few hundred old files, nothing a running desk notices.
 */
export const SWEEP_EVERY_MS = 60 * 60 * 1000;

export interface SweepSchedule {
  /** No further sweep; resolves once the one under way, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Sweeps now, then every `everyMs`, never two at once in this process (a sweep still running when
 * the next is due makes it skip). The timer does not keep the process alive. A failed sweep is
 * reported and tried again at the next tick.
 */
export function sweepPeriodically(
  deps: SweepDeps,
  options: {
    everyMs?: number;
    onSwept?: (report: SweepReport) => void;
    onError?: (e: unknown) => void;
  } = {},
): SweepSchedule {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = sweepData({}, deps)
      .then((report) => options.onSwept?.(report))
      .catch((e: unknown) => options.onError?.(e))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, options.everyMs ?? SWEEP_EVERY_MS);
  timer.unref();
  run();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
