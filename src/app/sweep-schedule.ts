import { type SweepDeps, type SweepReport, sweepData } from './sweep-data.js';

/**
 * Why hourly: a temporary is then gone at most two hours after the process that left it died, and
 * a draft at most an hour after its week; a sweep is a walk of the data folder and one query per
 * few hundred old files, nothing a running desk notices. The completion reminders keep the same
 * hour: they are due on a day, not a minute.
 */
export const SWEEP_EVERY_MS = 60 * 60 * 1000;

export interface SweepSchedule {
  /** No further run; resolves once the one under way, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `task` now, then every `everyMs`, never two at once in this process (a run still going
 * when the next is due makes it skip). The timer does not keep the process alive. A failed run is
 * reported and tried again at the next tick.
 */
export function runPeriodically<T>(
  task: () => Promise<T>,
  options: { everyMs?: number; onDone?: (result: T) => void; onError?: (e: unknown) => void } = {},
): SweepSchedule {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = task()
      .then((result) => options.onDone?.(result))
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

/** The sweep of abandoned drafts and temporaries, now and then every `everyMs`. */
export function sweepPeriodically(
  deps: SweepDeps,
  options: {
    everyMs?: number;
    onSwept?: (report: SweepReport) => void;
    onError?: (e: unknown) => void;
  } = {},
): SweepSchedule {
  return runPeriodically(() => sweepData({}, deps), {
    ...(options.everyMs !== undefined ? { everyMs: options.everyMs } : {}),
    ...(options.onSwept ? { onDone: options.onSwept } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
