import type { Message } from './message.js';

/**
 * The project's error codes, each with the sentence a person reads and how to fix it.
 * Errors carry codes, never HTTP statuses: the HTTP edge maps codes to statuses in one table.
 * Add new codes here; keep the wording plain and say what to do.
 */
export const ERRORS = {
  FILE_EMPTY: {
    fr: 'Le fichier est vide.',
    en: 'The file is empty.',
    fixFr: 'Enregistrez de nouveau votre manuscrit dans Word, puis renvoyez-le.',
    fixEn: 'Save your manuscript again in Word, then send it again.',
  },
  FILE_TOO_LARGE: {
    fr: 'Le fichier est trop volumineux pour être lu ({size} octets, maximum {max}).',
    en: 'The file is too large to read ({size} bytes, at most {max}).',
    fixFr: 'Retirez les images ou envoyez-les à part, puis renvoyez le fichier Word.',
    fixEn: 'Remove the pictures or send them separately, then send the Word file again.',
  },
  FILE_UNREADABLE: {
    fr: 'Le fichier n’a pas pu être lu.',
    en: 'The file could not be read.',
    fixFr:
      'Vérifiez que le fichier s’ouvre dans Word, enregistrez-le de nouveau au format .docx et renvoyez-le.',
    fixEn: 'Check that the file opens in Word, save it again as .docx and send it again.',
  },
  NOT_A_WORD_FILE: {
    fr: 'Ce fichier n’est pas un fichier Word : c’est {kind}.',
    en: 'This file is not a Word file: it is {kind}.',
    fixFr:
      'Ouvrez votre texte dans Word (ou LibreOffice) et choisissez « Enregistrer sous » > « Document Word (.docx) », puis envoyez ce fichier .docx.',
    fixEn:
      'Open your text in Word (or LibreOffice), choose “Save as” > “Word Document (.docx)”, and send that .docx file.',
  },
  FORMAT_NOT_ACCEPTED: {
    fr: 'Ce format ({kind}) n’est pas accepté pour cet appel.',
    en: 'This format ({kind}) is not accepted for this call.',
    fixFr: 'Enregistrez votre texte au format Word (.docx) et renvoyez-le.',
    fixEn: 'Save your text as a Word document (.docx) and send it again.',
  },
  ENCRYPTED: {
    fr: 'Ce fichier est protégé par un mot de passe : il ne peut pas être lu.',
    en: 'This file is protected by a password: it cannot be read.',
    fixFr:
      'Dans Word, ouvrez « Fichier » > « Informations » > « Protéger le document », retirez le mot de passe, enregistrez et renvoyez le fichier.',
    fixEn:
      'In Word, open “File” > “Info” > “Protect Document”, remove the password, save and send the file again.',
  },
  ZIP_INVALID: {
    fr: 'Le fichier est endommagé (archive illisible : {detail}).',
    en: 'The file is damaged (unreadable archive: {detail}).',
    fixFr:
      'Ouvrez le fichier dans Word ; s’il s’ouvre, enregistrez-le de nouveau au format .docx et renvoyez-le.',
    fixEn: 'Open the file in Word; if it opens, save it again as .docx and send it again.',
  },
  ZIP_TOO_MANY_ENTRIES: {
    fr: 'Le fichier contient trop d’éléments ({count}, maximum {max}).',
    en: 'The file holds too many parts ({count}, at most {max}).',
    fixFr: 'Enregistrez votre texte dans un nouveau document Word, sans objets incorporés, puis renvoyez-le.',
    fixEn: 'Save your text in a new Word document, without embedded objects, and send it again.',
  },
  ZIP_BOMB: {
    fr: 'Le fichier se décompresse de façon anormale (taux {ratio} pour 1, maximum {max}) : il n’a pas été lu.',
    en: 'The file decompresses abnormally (ratio {ratio} to 1, at most {max}): it was not read.',
    fixFr: 'Enregistrez votre texte dans un nouveau document Word et renvoyez-le.',
    fixEn: 'Save your text in a new Word document and send it again.',
  },
  PART_TOO_LARGE: {
    fr: 'Une partie du fichier ({part}) dépasse la taille lue ({max} octets).',
    en: 'A part of the file ({part}) is larger than we read ({max} bytes).',
    fixFr:
      'Un manuscrit de cette taille dépasse de loin la longueur de l’appel : envoyez un texte plus court, ou écrivez à la rédaction.',
    fixEn:
      'A manuscript this large is far beyond the call’s length: send a shorter text, or write to the editors.',
  },
  UNCOMPRESSED_TOO_LARGE: {
    fr: 'Le fichier décompressé serait trop volumineux ({size} octets, maximum {max}).',
    en: 'The file would be too large once decompressed ({size} bytes, at most {max}).',
    fixFr: 'Retirez les images ou objets incorporés, puis renvoyez le fichier.',
    fixEn: 'Remove the pictures or embedded objects, then send the file again.',
  },
  XML_DOCTYPE: {
    fr: 'Le fichier contient une déclaration DOCTYPE, refusée par sécurité.',
    en: 'The file contains a DOCTYPE declaration, refused for safety.',
    fixFr: 'Ouvrez le fichier dans Word, enregistrez-le de nouveau au format .docx et renvoyez-le.',
    fixEn: 'Open the file in Word, save it again as .docx and send it again.',
  },
  XML_TOO_DEEP: {
    fr: 'La structure du fichier est trop profonde ({depth} niveaux, maximum {max}).',
    en: 'The file’s structure is too deep ({depth} levels, at most {max}).',
    fixFr: 'Enregistrez votre texte dans un nouveau document Word et renvoyez-le.',
    fixEn: 'Save your text in a new Word document and send it again.',
  },
  XML_MALFORMED: {
    fr: 'Le fichier est endommagé (XML invalide dans {part} : {detail}).',
    en: 'The file is damaged (invalid XML in {part}: {detail}).',
    fixFr:
      'Ouvrez le fichier dans Word ; s’il s’ouvre, enregistrez-le de nouveau au format .docx et renvoyez-le.',
    fixEn: 'Open the file in Word; if it opens, save it again as .docx and send it again.',
  },
  TIMEOUT: {
    fr: 'La lecture du fichier a pris trop de temps (plus de {seconds} s) et a été arrêtée.',
    en: 'Reading the file took too long (over {seconds} s) and was stopped.',
    fixFr:
      'Enregistrez votre texte dans un nouveau document Word et renvoyez-le ; si le problème persiste, écrivez à la rédaction.',
    fixEn: 'Save your text in a new Word document and send it again; if it persists, write to the editors.',
  },
  DOCX_NO_DOCUMENT: {
    fr: 'Le fichier ressemble à un document Word mais ne contient pas de texte principal.',
    en: 'The file looks like a Word document but holds no main text.',
    fixFr: 'Ouvrez le fichier dans Word, enregistrez-le de nouveau au format .docx et renvoyez-le.',
    fixEn: 'Open the file in Word, save it again as .docx and send it again.',
  },
  CALL_INVALID: {
    fr: 'Le fichier d’appel n’est pas valide : {detail}',
    en: 'The call file is not valid: {detail}',
    fixFr: 'Corrigez le fichier d’appel à l’endroit indiqué, puis relancez la commande.',
    fixEn: 'Correct the call file where indicated, then run the command again.',
  },
  USAGE: {
    fr: 'Commande incorrecte : {detail}',
    en: 'Wrong command: {detail}',
    fixFr: 'Lancez « appel --help » pour voir les commandes et leurs options.',
    fixEn: 'Run “appel --help” to see the commands and their options.',
  },
} as const satisfies Record<string, { fr: string; en: string; fixFr: string; fixEn: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorParams = Record<string, string | number>;

function fill(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** An expected failure with a code: never a crash, always a sentence a person can act on. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code}: ${fill(ERRORS[code].en, params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  get text(): Message {
    return { fr: fill(ERRORS[this.code].fr, this.params), en: fill(ERRORS[this.code].en, this.params) };
  }

  get fix(): Message {
    return { fr: fill(ERRORS[this.code].fixFr, this.params), en: fill(ERRORS[this.code].fixEn, this.params) };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
