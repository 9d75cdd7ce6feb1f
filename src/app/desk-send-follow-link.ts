import type { Call } from '../domain/call/schema.js';
import type { Lang, Message } from '../domain/shared/message.js';
import { contactPerson } from '../domain/submission/author.js';
import type { UnitOfWork } from '../ports/message-ledger.js';
import { queueNewFollowLink } from './follow-link-letter.js';

export type DeskLinkResult = { ok: true; to: string } | { ok: false; status: 404 | 409; problem: Message };

/**
 * Use case: an author who lost the private link calls or writes to the editors; a coordinator sends
 * a new one from the submission's page. It goes to the contact person's address as stored, never
 * to one typed at the desk, so the link cannot be sent to anyone else. The event names the account.
 */
export async function sendFollowLinkFromDesk(
  input: { submissionId: string; accountId: string; lang: Lang },
  deps: { uow: UnitOfWork; call: Call; publicBase: string },
): Promise<DeskLinkResult> {
  return deps.uow.run(async (s) => {
    const record = await s.submissions.findById(input.submissionId);
    if (!record) {
      return {
        ok: false,
        status: 404,
        problem: { fr: 'Cette proposition n’existe pas.', en: 'This submission does not exist.' },
      };
    }
    const contact = contactPerson(record.authors);
    if (!contact?.email) {
      return {
        ok: false,
        status: 409,
        problem: {
          fr: 'La personne à contacter n’a pas d’adresse électronique : aucun lien ne peut lui être envoyé. Demandez-lui son adresse, ou donnez-lui le lien autrement.',
          en: 'The contact person has no e-mail address: no link can be sent. Ask them for their address, or give them the link another way.',
        },
      };
    }
    await queueNewFollowLink(
      s,
      {
        submissionId: record.id,
        title: record.title,
        receivedAt: record.receivedAt,
        contactEmail: contact.email,
        givenName: contact.givenName,
        surname: contact.surname,
      },
      {
        call: deps.call,
        publicBase: deps.publicBase,
        lang: input.lang,
        actor: { kind: 'coordinator', id: input.accountId },
        action: 'link.sent_by_desk',
      },
    );
    return { ok: true, to: contact.email };
  });
}
