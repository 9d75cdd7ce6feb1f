import { open } from 'node:fs/promises';

/**
 * Reads a whole file, but never more than `max` bytes: the size is checked on the open handle,
 * and the read itself stops at max + 1, so a file that grows meanwhile cannot swell the process.
 */
export async function readFileCapped(
  path: string,
  max: number,
): Promise<{ bytes: Buffer; mtime: Date } | { tooLarge: number }> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (stats.size > max) return { tooLarge: stats.size };
    const buffer = Buffer.alloc(Math.min(stats.size, max) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > max) return { tooLarge: filled };
    return { bytes: buffer.subarray(0, filled), mtime: stats.mtime };
  } finally {
    await handle.close();
  }
}

/** The error's code (ENOENT, EACCES …): enough to say what went wrong, without any content. */
export function ioDetail(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
