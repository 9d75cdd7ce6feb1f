import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sanitiseFilename } from '../../mail-in/sanitise-filename.js';
import { csrfTokenValid } from './author-tokens.js';

export interface UploadedFile {
  /** Made safe to show and store: no folders, controls, bidi tricks; at most 150 characters. */
  name: string;
  bytes: Buffer;
}

export interface PostedForm {
  fields: Map<string, string>;
  file: UploadedFile | null;
  /** A file was sent but exceeded the upload cap: the form is shown again with a message. */
  fileTooLarge: boolean;
  /** A field was cut at the multipart limit (a value too long for any field of ours). */
  truncated: boolean;
  csrfOk: boolean;
}

/**
 * Reads a posted form, multipart (with a file) or urlencoded. The CSRF token is checked before any
 * file is read: the form puts it first, and a file that comes before a valid token is drained
 * unread. The multipart limits (size, count, fields, parts) are the server's.
 */
export async function readPostedForm(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<PostedForm> {
  const form: PostedForm = {
    fields: new Map(),
    file: null,
    fileTooLarge: false,
    truncated: false,
    csrfOk: false,
  };
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(body)) {
      if (typeof value === 'string') form.fields.set(name, value);
      else if (Array.isArray(value) && typeof value[0] === 'string') form.fields.set(name, value[0]);
    }
    form.csrfOk = csrfTokenValid(app, request, reply, form.fields.get('_csrf'));
    return form;
  }
  let checked = false;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldnameTruncated || part.valueTruncated) form.truncated = true;
      if (!form.fields.has(part.fieldname)) form.fields.set(part.fieldname, String(part.value ?? ''));
      continue;
    }
    if (!checked) {
      form.csrfOk = csrfTokenValid(app, request, reply, form.fields.get('_csrf'));
      checked = true;
    }
    if (!form.csrfOk || form.file !== null) {
      part.file.resume();
      continue;
    }
    try {
      const bytes = await part.toBuffer();
      // A file input left empty still sends a part, with no name and no bytes; an empty file
      // is no manuscript either.
      if (bytes.length > 0) {
        form.file = { name: sanitiseFilename(part.filename, 'manuscrit'), bytes };
      }
    } catch (e) {
      if (!(e instanceof app.multipartErrors.RequestFileTooLargeError)) throw e;
      form.fileTooLarge = true;
    }
  }
  if (!checked) form.csrfOk = csrfTokenValid(app, request, reply, form.fields.get('_csrf'));
  return form;
}
