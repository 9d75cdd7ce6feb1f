import type { StoryKind } from '../domain/manuscript/model.js';
import type { Message } from '../domain/shared/message.js';
import type { FileStore } from '../ports/file-store.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { VersionRecord } from '../ports/submission-store.js';

export interface PreviewParagraph {
  story: StoryKind;
  /** 1–6 for headings (deeper levels are shown as 6). */
  heading?: number;
  text: string;
}

export type Preview =
  | { ok: true; paragraphs: PreviewParagraph[]; truncated: boolean }
  | { ok: false; reason: Message };

/** A preview is for reading, not for archiving: past these, the page says the rest is in the file. */
const MAX_PARAGRAPHS = 3000;
const MAX_CHARS = 400_000;

/**
 * Use case: the manuscript's text for the desk's preview. The stored file is read again by the
 * same reader that judged it (the analysis keeps counts, not text), and only its paragraphs come
 * back: plain text that the page escapes, never the file's own markup.
 */
export async function manuscriptPreview(
  version: VersionRecord,
  deps: { files: FileStore; read: ManuscriptReader },
): Promise<Preview> {
  let bytes: Buffer;
  try {
    bytes = await deps.files.read(version.fileSha256);
  } catch {
    return {
      ok: false,
      reason: {
        fr: 'Le fichier de cette version est introuvable ou abîmé dans le stockage.',
        en: 'This version’s file is missing or damaged in the storage.',
      },
    };
  }
  const analysis = await deps.read({ bytes, name: version.fileName }, { keepText: true });
  if (!analysis.manuscript) {
    return {
      ok: false,
      reason: analysis.error
        ? analysis.error.text
        : { fr: 'Ce fichier n’est pas un manuscrit lisible.', en: 'This file is not a readable manuscript.' },
    };
  }
  const paragraphs: PreviewParagraph[] = [];
  let chars = 0;
  let truncated = false;
  for (const p of analysis.manuscript.paragraphs) {
    if (p.text.trim() === '') continue;
    if (paragraphs.length >= MAX_PARAGRAPHS || chars + p.text.length > MAX_CHARS) {
      truncated = true;
      break;
    }
    chars += p.text.length;
    paragraphs.push({
      story: p.story,
      text: p.text,
      ...(p.headingLevel ? { heading: Math.min(6, p.headingLevel) } : {}),
    });
  }
  return { ok: true, paragraphs, truncated };
}
