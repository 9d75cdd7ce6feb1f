import type { Lang, Message } from '../shared/message.js';
import { type Block, heading, list, paragraph } from './document.js';
import { findingBlocks, worthTelling } from './findings.js';
import type { LetterFinding, MissingField } from './model.js';
import { fr, pick } from './words.js';

/**
 * What the submission still lacks, asked for as things to send, and the other remarks about the
 * submission itself (deadline, authors, contact details).
 */

const ASK: Record<MissingField, Message> = {
  manuscript: {
    fr: 'votre manuscrit, en pièce jointe, au format Word (.docx)',
    en: 'your manuscript, attached, as a Word file (.docx)',
  },
  contactPerson: {
    fr: 'le nom de la personne que la rédaction contactera (une seule personne parmi les auteurs)',
    en: 'the name of the person the editors will contact (one person among the authors)',
  },
  contactEmail: { fr: 'l’adresse électronique de cette personne', en: 'that person’s e-mail address' },
  phone: { fr: 'un numéro de téléphone où vous joindre', en: 'a phone number where we can reach you' },
  postalAddress: {
    fr: 'votre adresse postale complète (numéro et rue, code postal, commune)',
    en: 'your full postal address (number and street, postcode, town)',
  },
  consentOnlinePublication: {
    fr: 'une phrase qui dit que vous acceptez la mise en ligne éventuelle de votre texte sur Internet',
    en: 'a sentence saying that you agree to your text possibly being published online',
  },
  consentFreeOfCharge: {
    fr: 'une phrase qui dit que vous remettez votre texte à titre gracieux (sans rémunération)',
    en: 'a sentence saying that you give your text free of charge (without payment)',
  },
  signedContract: { fr: 'le contrat d’édition signé', en: 'the signed publishing contract' },
};

/**
 * Findings that say the same thing as a missing field: when the field is asked for, the finding
 * is not repeated (the rules' codes, see domain/call/rules).
 */
const SAME_AS_MISSING: Partial<Record<MissingField, readonly string[]>> = {
  contactPerson: ['authors.no_contact'],
  contactEmail: ['authors.contact_without_email'],
  phone: ['contact.phone_missing'],
  postalAddress: ['contact.address_missing'],
  consentOnlinePublication: ['consents.online_publication_missing'],
  consentFreeOfCharge: ['consents.free_of_charge_missing'],
};

/** A missing detail asked for as a thing to send, in plain words. */
export function askFor(field: MissingField, lang: Lang): string {
  return ASK[field][lang];
}

export function submissionBlocks(
  findings: readonly LetterFinding[],
  missing: readonly MissingField[],
  lang: Lang,
): Block[] {
  const covered = new Set(missing.flatMap((field) => SAME_AS_MISSING[field] ?? []));
  const remarks = findings.filter((f) => worthTelling(f) && !covered.has(f.code));
  const blocks: Block[] = [];
  if (remarks.length > 0) {
    blocks.push(heading(pick(lang, 'Votre envoi', 'Your submission')), ...findingBlocks(remarks, lang));
  }
  if (missing.length > 0) {
    blocks.push(
      heading(pick(lang, 'Ce qu’il nous manque encore', 'What we still need')),
      list(
        missing.map((field) => askFor(field, lang)),
        pick(
          lang,
          fr`Pour que votre proposition soit complète, merci de nous envoyer :`,
          'To complete your proposal, please send us:',
        ),
      ),
      paragraph(
        missing.includes('manuscript')
          ? pick(
              lang,
              'Répondez simplement à ce message en y joignant ces éléments.',
              'Simply reply to this message with these items.',
            )
          : pick(
              lang,
              fr`Répondez simplement à ce message avec ces informations : inutile de renvoyer votre manuscrit.`,
              'Simply reply to this message with this information: there is no need to send your manuscript again.',
            ),
      ),
    );
  }
  return blocks;
}
