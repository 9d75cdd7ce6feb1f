import { canAttachContract } from '../domain/editorial/contract.js';
import { type ContractFileDeps, type ContractFileResult, keepContractFile } from './contract-file.js';

/**
 * Use case: a coordinator puts the publishing contract on an accepted submission (or replaces it
 * before the signature). The author sees it on the private page once it is sent (desk-send-contract);
 * the latest one is in force, the earlier ones stay on record.
 */
export async function attachContract(
  input: { submissionId: string; accountId: string; file: { name: string; bytes: Buffer } },
  deps: ContractFileDeps,
): Promise<ContractFileResult> {
  return keepContractFile(
    {
      submissionId: input.submissionId,
      kind: 'contract',
      file: input.file,
      addedBy: { kind: 'coordinator', id: input.accountId },
      allowedAt: canAttachContract,
      event: 'contract.attached',
    },
    deps,
  );
}
