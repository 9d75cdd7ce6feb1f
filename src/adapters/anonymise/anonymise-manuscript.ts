import type { ManuscriptAnonymiser } from '../../ports/anonymiser.js';
import { anonymiseDocx } from './anonymise-docx.js';
import { anonymiseOdt } from './anonymise-odt.js';

/** The anonymiser for each format that has one: Word's .docx and LibreOffice's .odt. */
export const anonymiseManuscript: ManuscriptAnonymiser = (bytes, people, format, role = 'author') =>
  format === 'odt' ? anonymiseOdt(bytes, people, role) : anonymiseDocx(bytes, people, role);
