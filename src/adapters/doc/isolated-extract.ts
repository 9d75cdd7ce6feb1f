import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/shared/errors.js';
import { docUnreadable } from './doc-errors.js';
import type { RawStories } from './extract-stories.js';

type Reply = { ok: true; stories: RawStories } | { ok: false; detail: string };

const DAMAGED_FR = 'structure interne endommagée';
const DAMAGED_EN = 'damaged internal structure';

/** Memory for one .doc's text and its copies; a file that needs more is refused, not a crash. */
const MAX_WORKER_HEAP_MB = 1024;

/**
 * The worker is doc-worker.js next to this module once built; under tsx (tests, development) it
 * is the .ts file, loaded through tsx's loader, which worker threads do not inherit.
 */
function startWorker(workerData: unknown): Worker {
  const options = { workerData, resourceLimits: { maxOldGenerationSizeMb: MAX_WORKER_HEAP_MB } };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./doc-worker.js', import.meta.url), options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const target = new URL('./doc-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

/** Extracts the stories in a worker thread, stopped after `milliseconds`. */
export function extractIsolated(
  wordDocument: Buffer,
  table: Buffer,
  milliseconds: number,
): Promise<RawStories> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ wordDocument, table });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      action();
    };
    const timer = setTimeout(
      () => settle(() => reject(new AppError('TIMEOUT', { seconds: Math.round(milliseconds / 1000) }))),
      milliseconds,
    );
    worker.on('message', (reply: Reply) =>
      settle(() =>
        reply.ok ? resolve(reply.stories) : reject(docUnreadable(DAMAGED_FR, DAMAGED_EN, reply.detail)),
      ),
    );
    worker.on('error', (e: Error & { code?: string }) => {
      const error =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? docUnreadable('trop volumineux pour être lu', 'too large to read')
          : docUnreadable(DAMAGED_FR, DAMAGED_EN, e.message);
      settle(() => reject(error));
    });
    worker.on('exit', (code) =>
      settle(() => reject(docUnreadable(DAMAGED_FR, DAMAGED_EN, `the reader stopped (${code})`))),
    );
  });
}
