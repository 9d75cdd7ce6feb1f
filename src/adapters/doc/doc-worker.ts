import { parentPort, workerData } from 'node:worker_threads';
import { extractStories } from './extract-stories.js';

/**
 * Runs word-extractor on one document, away from the main thread: its loops are synchronous and
 * were not written for hostile files, so the parent can stop this thread at the deadline and cap
 * its memory, which it could not do to code on its own thread.
 */
interface Job {
  wordDocument: Uint8Array;
  table: Uint8Array;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const job = workerData as Job;
try {
  const stories = await extractStories(toBuffer(job.wordDocument), toBuffer(job.table));
  parentPort?.postMessage({ ok: true, stories });
} catch (e) {
  parentPort?.postMessage({ ok: false, detail: e instanceof Error ? e.message.slice(0, 200) : String(e) });
}
