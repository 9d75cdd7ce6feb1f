import { checkContactFields } from '../../../app/author-check-details.js';
import type { PostcodeDirectory } from '../../../domain/call/rules/postcodes.js';
import type { Call } from '../../../domain/call/schema.js';
import type { Finding } from '../../../domain/shared/finding.js';
import type { Message } from '../../../domain/shared/message.js';
import { msg } from '../../../domain/shared/typography.js';
import type { Author } from '../../../domain/submission/author.js';

/**
 * The submission form as values: what the author typed, kept as typed so that every re-display
 * (one more author row, an error, « choose another file ») gives it back unchanged.
 */

export const MAX_AUTHORS = 8;
const MAX_NAME = 120;
const MAX_TITLE = 300;
const MAX_ADDRESS = 400;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AuthorRow {
  givenName: string;
  surname: string;
  email: string;
}

export interface FormValues {
  authors: AuthorRow[];
  /** Index of the contact person among the rows; -1 when none is marked. */
  contact: number;
  orderRequested: boolean;
  phone: string;
  postalAddress: string;
  axis: string;
  title: string;
  consentOnline: boolean;
  consentFree: boolean;
  /** The idempotency key, put in the form when it was first shown. */
  key: string;
  /** The signed draft of a file already uploaded, when there is one. */
  draft: string;
}

/** One problem under one field: what is wrong and how to fix it. */
export interface FieldProblem {
  message: Message;
  fix?: Message;
  severity: 'error' | 'warning';
}

/** Field id (as in the page) → its problems; the order of insertion is the page's order. */
export type FieldProblems = Map<string, FieldProblem[]>;

export const fieldId = {
  givenName: (i: number) => `a${i}-prenom`,
  surname: (i: number) => `a${i}-nom`,
  email: (i: number) => `a${i}-courriel`,
  contact: 'contact',
  phone: 'telephone',
  postalAddress: 'adresse',
  axis: 'axe',
  title: 'titre',
  consents: 'accord-mise-en-ligne',
  file: 'fichier',
} as const;

export function emptyForm(key: string): FormValues {
  return {
    authors: [{ givenName: '', surname: '', email: '' }],
    contact: 0,
    orderRequested: false,
    phone: '',
    postalAddress: '',
    axis: '',
    title: '',
    consentOnline: false,
    consentFree: false,
    key,
    draft: '',
  };
}

const clip = (value: string | undefined, max: number) => (value ?? '').slice(0, max);

/** Reads the posted fields; rows are numbered from 0 and stop at the first absent one. */
export function parseForm(fields: Map<string, string>, fallbackKey: string): FormValues {
  const authors: AuthorRow[] = [];
  for (let i = 0; i < MAX_AUTHORS && fields.has(fieldId.surname(i)); i++) {
    authors.push({
      givenName: clip(fields.get(fieldId.givenName(i)), MAX_NAME),
      surname: clip(fields.get(fieldId.surname(i)), MAX_NAME),
      email: clip(fields.get(fieldId.email(i)), MAX_NAME).trim(),
    });
  }
  if (authors.length === 0) authors.push({ givenName: '', surname: '', email: '' });
  const contact = Number.parseInt(fields.get('contact') ?? '', 10);
  const key = fields.get('cle') ?? '';
  return {
    authors,
    contact: Number.isInteger(contact) && contact >= 0 && contact < authors.length ? contact : -1,
    orderRequested: fields.get('ordre') === 'oui',
    phone: clip(fields.get('telephone'), MAX_NAME),
    postalAddress: clip(fields.get('adresse'), MAX_ADDRESS),
    axis: clip(fields.get('axe'), MAX_NAME),
    title: clip(fields.get('titre'), MAX_TITLE),
    consentOnline: fields.get('accord_mise_en_ligne') === 'oui',
    consentFree: fields.get('accord_gracieux') === 'oui',
    key: /^[A-Za-z0-9_-]{43}$/.test(key) ? key : fallbackKey,
    draft: clip(fields.get('brouillon'), 4096),
  };
}

export function addAuthor(values: FormValues): FormValues {
  if (values.authors.length >= MAX_AUTHORS) return values;
  return { ...values, authors: [...values.authors, { givenName: '', surname: '', email: '' }] };
}

export function removeAuthor(values: FormValues, index: number): FormValues {
  if (values.authors.length <= 1 || index < 0 || index >= values.authors.length) return values;
  const authors = values.authors.filter((_, i) => i !== index);
  const contact =
    values.contact === index ? -1 : values.contact > index ? values.contact - 1 : values.contact;
  return { ...values, authors, contact };
}

/** The contact's index: the one marked, or the sole author. */
export function contactIndex(values: FormValues): number {
  return values.authors.length === 1 ? 0 : values.contact;
}

function add(problems: FieldProblems, id: string, problem: FieldProblem): void {
  problems.set(id, [...(problems.get(id) ?? []), problem]);
}

function fromFinding(f: Finding): FieldProblem {
  return {
    message: f.message,
    ...(f.fix ? { fix: f.fix } : {}),
    severity: f.severity === 'error' ? 'error' : 'warning',
  };
}

/**
 * Every problem of the form at once, each under its field. Errors stop the form; warnings are
 * shown and let it through. The phone number and the address are judged by the call's own rules.
 * A phone or an address left empty is no error here: the submission can be completed later
 * through the private link, and the check page says it is missing.
 */
export function validateForm(
  values: FormValues,
  call: Call,
  options: { hasFile: boolean; postcodes?: PostcodeDirectory },
): FieldProblems {
  const problems: FieldProblems = new Map();
  const contact = contactIndex(values);
  values.authors.forEach((a, i) => {
    if (a.givenName.trim() === '') add(problems, fieldId.givenName(i), GIVEN_NAME_MISSING);
    if (a.surname.trim() === '') add(problems, fieldId.surname(i), SURNAME_MISSING);
    if (a.email !== '' && !EMAIL.test(a.email)) add(problems, fieldId.email(i), EMAIL_INVALID);
    else if (i === contact && a.email === '') add(problems, fieldId.email(i), CONTACT_EMAIL_MISSING);
  });
  if (contact < 0) add(problems, fieldId.contact, CONTACT_MISSING);
  const details = checkContactFields(call, values, options.postcodes);
  for (const f of details.phone) if (f.severity !== 'info') add(problems, fieldId.phone, fromFinding(f));
  for (const f of details.postalAddress) {
    if (f.severity !== 'info') add(problems, fieldId.postalAddress, fromFinding(f));
  }
  if (values.axis !== '' && !call.axes.some((a) => a.id === values.axis))
    add(problems, fieldId.axis, AXIS_UNKNOWN);
  if (values.title.trim() === '') add(problems, fieldId.title, TITLE_MISSING);
  if (
    (call.consents.onlinePublication && !values.consentOnline) ||
    (call.consents.freeOfCharge && !values.consentFree)
  ) {
    add(problems, fieldId.consents, CONSENTS_MISSING);
  }
  if (!options.hasFile) add(problems, fieldId.file, FILE_MISSING);
  return problems;
}

export function hasErrors(problems: FieldProblems): boolean {
  return [...problems.values()].some((list) => list.some((p) => p.severity === 'error'));
}

/** The authors as the submission records them: the contact flagged, the order as given. */
export function authorsOf(values: FormValues): Author[] {
  const contact = contactIndex(values);
  return values.authors.map((a, i) => ({
    givenName: a.givenName.trim(),
    surname: a.surname.trim(),
    ...(a.email ? { email: a.email } : {}),
    isContact: i === contact,
  }));
}

const problem = (fr: string, en: string, fixFr: string, fixEn: string): FieldProblem => ({
  message: msg(fr, en),
  fix: msg(fixFr, fixEn),
  severity: 'error',
});

const GIVEN_NAME_MISSING = problem(
  'Le prénom manque.',
  'The given name is missing.',
  'Écrivez le prénom de cette personne.',
  'Write this person’s given name.',
);
const SURNAME_MISSING = problem(
  'Le nom manque.',
  'The surname is missing.',
  'Écrivez le nom de famille de cette personne.',
  'Write this person’s surname.',
);
const EMAIL_INVALID = problem(
  'L’adresse électronique n’est pas valide.',
  'The e-mail address is not valid.',
  'Écrivez une adresse complète, par exemple prenom.nom@exemple.fr.',
  'Write a full address, for example first.last@example.org.',
);
const CONTACT_EMAIL_MISSING = problem(
  'La personne à contacter n’a pas d’adresse électronique.',
  'The contact person has no e-mail address.',
  'Écrivez son adresse : l’accusé de réception et votre lien de suivi y seront envoyés.',
  'Write their address: the receipt and your follow-up link will be sent to it.',
);
const CONTACT_MISSING = problem(
  'Aucune personne à contacter n’est choisie.',
  'No contact person is chosen.',
  'Cochez « personne à contacter » pour une seule personne parmi les auteurs.',
  'Tick “contact person” for one person among the authors.',
);
const AXIS_UNKNOWN = problem(
  'Cet axe ne fait pas partie de l’appel.',
  'This line of inquiry is not part of the call.',
  'Choisissez un axe dans la liste, ou « aucun axe en particulier ».',
  'Choose a line of inquiry from the list, or “no particular line”.',
);
const TITLE_MISSING = problem(
  'Le titre manque.',
  'The title is missing.',
  'Écrivez le titre de votre article (il pourra changer plus tard).',
  'Write your article’s title (it may change later).',
);
const CONSENTS_MISSING = problem(
  'Les deux accords sont nécessaires pour proposer un texte.',
  'Both agreements are needed to submit a text.',
  'Cochez les deux cases si vous êtes d’accord. Sinon, écrivez aux coordinateurs du dossier.',
  'Tick both boxes if you agree. Otherwise, write to the issue coordinators.',
);
const FILE_MISSING = problem(
  'Aucun fichier n’est choisi.',
  'No file is chosen.',
  'Cliquez sur « Parcourir » ou « Choisir un fichier » et choisissez votre manuscrit au format Word (.docx).',
  'Click “Browse” or “Choose file” and pick your manuscript as a Word file (.docx).',
);
export const FILE_TOO_LARGE = problem(
  'Le fichier est trop volumineux.',
  'The file is too large.',
  'Retirez les images du document (vous pourrez les envoyer à part), enregistrez-le, puis choisissez-le de nouveau.',
  'Remove the pictures from the document (you can send them separately), save it, then choose it again.',
);
export const DRAFT_EXPIRED = problem(
  'Le fichier choisi tout à l’heure n’est plus disponible (plus de deux heures ont passé).',
  'The file chosen earlier is no longer available (more than two hours have passed).',
  'Choisissez de nouveau votre fichier.',
  'Choose your file again.',
);
