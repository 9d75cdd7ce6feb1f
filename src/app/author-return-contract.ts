import type { Call } from '../domain/call/schema.js';
import { canReturnSignedContract } from '../domain/editorial/contract.js';
import { callFacts } from '../domain/letters/call-facts.js';
import { submissionReference } from '../domain/submission/reference.js';
import type { AccountRecord, AccountStore } from '../ports/accounts.js';
import { type ContractFileDeps, type ContractFileResult, keepContractFile } from './contract-file.js';
import { letterLanguage } from './desk-transition.js';
import { onDesk } from './follow-link.js';
import { letterJob } from './process-outbox.js';

export interface ReturnContractDeps extends ContractFileDeps {
  call: Call;
  /** The coordinator who sent the contract is told by letter: their address is on their account. */
  accounts: Pick<AccountStore, 'findById'>;
  publicBase: string;
}

/**
 * Use case: through the private link, the author sends the signed contract back — a PDF, or a
 * photo of each page (several files are fine). The submission stays « contract sent » until a
 * coordinator has looked at it and records the signature. The coordinator who sent the contract
 * gets one short letter, at the first file (more pages of the same copy need no second letter).
 */
export async function returnSignedContract(
  input: { submissionId: string; file: { name: string; bytes: Buffer } },
  deps: ReturnContractDeps,
): Promise<ContractFileResult> {
  const { sender, sentEvent } = await whoSentTheContract(input.submissionId, deps);
  return keepContractFile(
    {
      submissionId: input.submissionId,
      kind: 'signed',
      file: input.file,
      addedBy: { kind: 'author', id: null },
      allowedAt: canReturnSignedContract,
      event: 'contract.returned',
    },
    deps,
    async (s) => {
      if (!sender || sender.disabledAt) return;
      await s.outbox.enqueue(
        letterJob(
          { to: { address: sender.email, name: sender.displayName } },
          {
            kind: 'contract-returned',
            lang: letterLanguage(deps.call),
            call: callFacts(deps.call),
            greetingName: sender.displayName,
            reference: submissionReference(input.submissionId),
            deskUrl: onDesk(deps.publicBase, `/bureau/propositions/${input.submissionId}`),
          },
          // One letter for each sending of the contract, whatever the number of pages sent back.
          `contract-returned:${input.submissionId}:${sentEvent}`,
        ),
      );
    },
  );
}

/**
 * The account that last sent the contract, read before the file's transaction: the account store
 * works on its own connection, which SQLite's one connection, held by a transaction, would keep
 * waiting.
 */
async function whoSentTheContract(
  submissionId: string,
  deps: ReturnContractDeps,
): Promise<{ sender: AccountRecord | null; sentEvent: string }> {
  const events = await deps.uow.run((s) => s.submissions.listEvents(submissionId));
  const sent = events.filter((e) => e.action === 'send_contract').at(-1);
  const sender = sent?.actor.id ? await deps.accounts.findById(sent.actor.id) : null;
  return { sender, sentEvent: sent ? String(sent.id) : 'none' };
}
