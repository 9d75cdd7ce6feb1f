import type { FileKind } from '../manuscript/model.js';
import type { Message } from '../shared/message.js';
import type { Status } from '../submission/status.js';

/**
 * The publishing contract, as files: the coordinators put the contract on the submission (a PDF,
 * or the Word or LibreOffice file they wrote it in), the author downloads it from the private
 * page, signs it and sends it back from the same page — a PDF, or a photo or scan of each page,
 * since many authors sign on paper. The coordinators look at what came back and record the
 * signature themselves (`record_signed_contract`): a file is not a signature until someone has
 * looked at it.
 */

export const CONTRACT_DOCUMENT_KINDS = ['contract', 'signed'] as const;
export type ContractDocumentKind = (typeof CONTRACT_DOCUMENT_KINDS)[number];

/** A contract replaced a few times, a signed copy in a few pages or one per co-author: no more. */
export const MAX_CONTRACT_FILES = 10;
export const MAX_SIGNED_FILES = 20;

/** What each kind of file may be, recognised by content (the sniffer's kinds). */
const ACCEPTED: Record<ContractDocumentKind, readonly FileKind[]> = {
  contract: ['pdf', 'docx', 'odt'],
  signed: ['pdf', 'image', 'docx', 'odt'],
};

/** The coordinators may put (or replace) the contract from acceptance until the signature. */
export function canAttachContract(status: Status): boolean {
  return status === 'accepted' || status === 'contract_sent';
}

/** The author may send the signed contract back once it was sent, until it is recorded. */
export function canReturnSignedContract(status: Status): boolean {
  return status === 'contract_sent';
}

/** The author's page shows the contract from the moment it was sent. */
export function showsContract(status: Status): boolean {
  return ['contract_sent', 'contract_signed', 'in_issue', 'published'].includes(status);
}

/** The desk shows the contract's section from acceptance on. */
export function contractStage(status: Status): boolean {
  return status === 'accepted' || showsContract(status);
}

export type ContractFileProblem = 'format' | 'too-many' | 'damaged';

/** Whether a file of this kind may be kept, given how many of that kind the submission has. */
export function checkContractFile(
  kind: ContractDocumentKind,
  file: { kind: FileKind; readable: boolean },
  alreadyKept: number,
): ContractFileProblem | null {
  if (!ACCEPTED[kind].includes(file.kind)) return 'format';
  if (!file.readable) return 'damaged';
  if (alreadyKept >= (kind === 'contract' ? MAX_CONTRACT_FILES : MAX_SIGNED_FILES)) return 'too-many';
  return null;
}

/** What the person who sent the file reads, with how to fix it. */
export function contractFileProblemMessage(
  kind: ContractDocumentKind,
  problem: ContractFileProblem,
): Message {
  if (problem === 'too-many') {
    return kind === 'contract'
      ? {
          fr: `Cette proposition a déjà ${MAX_CONTRACT_FILES} fichiers de contrat : écrivez à l’auteur plutôt que d’en ajouter un autre.`,
          en: `This submission already has ${MAX_CONTRACT_FILES} contract files: write to the author rather than add another.`,
        }
      : {
          fr: `Vous avez déjà envoyé ${MAX_SIGNED_FILES} fichiers : la rédaction les a bien reçus. Pour tout autre envoi, écrivez-lui.`,
          en: `You have already sent ${MAX_SIGNED_FILES} files: the editors have them. For anything else, write to them.`,
        };
  }
  if (problem === 'damaged') {
    return {
      fr: 'Ce fichier est endommagé et ne s’ouvre pas. Enregistrez-le de nouveau, puis renvoyez-le.',
      en: 'This file is damaged and does not open. Save it again, then send it again.',
    };
  }
  return kind === 'contract'
    ? {
        fr: 'Le contrat doit être un PDF, un document Word (.docx) ou LibreOffice (.odt). Enregistrez-le dans l’un de ces formats, puis joignez-le.',
        en: 'The contract must be a PDF, a Word (.docx) or LibreOffice (.odt) document. Save it in one of these formats, then attach it.',
      }
    : {
        fr: 'Envoyez le contrat signé en PDF, ou en photo (JPEG ou PNG) de chaque page, ou en document Word ou LibreOffice.',
        en: 'Send the signed contract as a PDF, or as a photo (JPEG or PNG) of each page, or as a Word or LibreOffice document.',
      };
}

/** The name a download falls back on when the one it was sent with cannot be used. */
export function contractFallbackName(kind: ContractDocumentKind): string {
  return kind === 'contract' ? 'contrat' : 'contrat-signe';
}
