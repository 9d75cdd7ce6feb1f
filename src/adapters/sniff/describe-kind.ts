import type { FileKind } from '../../domain/manuscript/model.js';
import { AppError } from '../../domain/shared/errors.js';
import type { Message } from '../../domain/shared/message.js';

/**
 * What each kind of file is called in a sentence ("Ce fichier n'est pas un fichier Word : c'est
 * un document PDF"), and what to send instead. Plain words: many authors do not know what an
 * extension is, so we name the program they used rather than the format.
 */
const DESCRIPTIONS: Readonly<Record<FileKind, Message>> = {
  docx: { fr: 'un document Word (.docx)', en: 'a Word document (.docx)' },
  docm: { fr: 'un document Word avec macros (.docm)', en: 'a macro-enabled Word document (.docm)' },
  dotx: { fr: 'un modèle Word (.dotx)', en: 'a Word template (.dotx)' },
  dotm: { fr: 'un modèle Word avec macros (.dotm)', en: 'a macro-enabled Word template (.dotm)' },
  odt: {
    fr: 'un document texte LibreOffice ou OpenOffice (.odt)',
    en: 'a LibreOffice or OpenOffice text document (.odt)',
  },
  doc: { fr: 'un document Word de l’ancien format (.doc)', en: 'an old-format Word document (.doc)' },
  pdf: { fr: 'un document PDF', en: 'a PDF document' },
  rtf: { fr: 'un document RTF', en: 'an RTF document' },
  image: { fr: 'une image', en: 'a picture' },
  zip: { fr: 'une archive compressée (.zip)', en: 'a compressed archive (.zip)' },
  'ooxml-other': {
    fr: 'un fichier Excel ou PowerPoint',
    en: 'an Excel or PowerPoint file',
  },
  'opendocument-other': {
    fr: 'un fichier LibreOffice qui n’est pas un texte (classeur, présentation ou dessin)',
    en: 'a LibreOffice file that is not a text (spreadsheet, presentation or drawing)',
  },
  'ole-other': {
    fr: 'un fichier Office d’un autre type (Excel, PowerPoint, Outlook…)',
    en: 'an Office file of another kind (Excel, PowerPoint, Outlook…)',
  },
  'encrypted-office': {
    fr: 'un document protégé par un mot de passe',
    en: 'a document protected by a password',
  },
  html: { fr: 'une page web (HTML)', en: 'a web page (HTML)' },
  text: { fr: 'un fichier de texte brut', en: 'a plain text file' },
  empty: { fr: 'un fichier vide', en: 'an empty file' },
  unknown: { fr: 'un fichier d’un type inconnu', en: 'a file of an unknown type' },
};

export function describeKind(kind: FileKind): Message {
  return DESCRIPTIONS[kind];
}

const SAVE_AS_DOCX: Message = {
  fr: 'Ouvrez votre texte dans Word ou LibreOffice, choisissez « Enregistrer sous » > « Document Word (.docx) », puis envoyez ce fichier .docx.',
  en: 'Open your text in Word or LibreOffice, choose “Save as” > “Word Document (.docx)”, then send that .docx file.',
};

const INSTEAD: Partial<Record<FileKind, Message>> = {
  pdf: {
    fr: 'Un PDF ne permet pas de compter les signes comme Word le fait. Envoyez le fichier Word (.docx) ou LibreOffice (.odt) à partir duquel vous avez créé ce PDF.',
    en: 'A PDF does not let us count characters the way Word does. Send the Word (.docx) or LibreOffice (.odt) file you made this PDF from.',
  },
  image: {
    fr: 'Une image (photo, capture d’écran, scan) ne contient pas de texte lisible. Envoyez votre texte dans un document Word (.docx).',
    en: 'A picture (photo, screenshot, scan) holds no readable text. Send your text in a Word document (.docx).',
  },
  zip: {
    fr: 'Ne compressez pas votre manuscrit : joignez directement le document Word (.docx).',
    en: 'Do not compress your manuscript: attach the Word document (.docx) itself.',
  },
  'encrypted-office': {
    fr: 'Retirez le mot de passe (dans Word : « Fichier » > « Informations » > « Protéger le document »), enregistrez, puis renvoyez le fichier.',
    en: 'Remove the password (in Word: “File” > “Info” > “Protect Document”), save, then send the file again.',
  },
  'ooxml-other': {
    fr: 'Envoyez votre texte dans un document Word (.docx), pas dans un classeur ni une présentation.',
    en: 'Send your text in a Word document (.docx), not in a spreadsheet or a presentation.',
  },
  'opendocument-other': {
    fr: 'Envoyez votre texte dans un document texte (.odt ou .docx), pas dans un classeur ni une présentation.',
    en: 'Send your text in a text document (.odt or .docx), not in a spreadsheet or a presentation.',
  },
  empty: {
    fr: 'Vérifiez que vous avez joint le bon fichier et qu’il a bien été enregistré, puis renvoyez-le.',
    en: 'Check that you attached the right file and that it was saved, then send it again.',
  },
};

/** What to send instead of a file of this kind, in plain words. */
export function whatToSendInstead(kind: FileKind): Message {
  return INSTEAD[kind] ?? SAVE_AS_DOCX;
}

/** The NOT_A_WORD_FILE error for a kind, with its description in both languages. */
export function notAWordFile(kind: FileKind): AppError {
  const described = describeKind(kind);
  return new AppError('NOT_A_WORD_FILE', { kind: described.fr, kindFr: described.fr, kindEn: described.en });
}
