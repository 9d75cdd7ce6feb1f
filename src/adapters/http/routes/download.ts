import type { FastifyReply } from 'fastify';
import { sanitiseFilename } from '../../mail-in/sanitise-filename.js';

/**
 * Content-Disposition for a download: `attachment` (never shown in the browser), an ASCII name
 * for old clients and the exact name as RFC 5987 / RFC 6266 `filename*`; quotes, backslashes,
 * folders and control characters never reach the header.
 */
export function attachmentHeader(name: string, fallback: string): string {
  const safe = sanitiseFilename(name, fallback);
  const ascii =
    safe
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%;]/g, '_') || fallback;
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A stored file as a download: never shown in the browser (a PDF, a picture or an HTML file sent
 * as a manuscript could carry script), never cached, under the name it came with, made safe.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { name: string; fallback: string; bytes: Buffer; contentType?: string },
): FastifyReply {
  return reply
    .header('content-type', file.contentType ?? 'application/octet-stream')
    .header('content-disposition', attachmentHeader(file.name, file.fallback))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'no-store')
    .send(file.bytes);
}
