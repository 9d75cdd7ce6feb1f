import type { Call } from '../domain/call/schema.js';
import type { UnitOfWork } from '../ports/message-ledger.js';
import { issueContents } from './desk-issue-contents.js';

export type MoveDirection = 'up' | 'down';
export type MoveResult = { ok: true } | { ok: false; reason: 'not-placed' };

/**
 * Use case: a coordinator moves a text one place up or down in the issue's table of contents. The
 * order is read and written in one transaction, and written whole (positions 1 to n of the texts
 * placed now), so two coordinators moving texts at once never leave a gap or a tie. Moving the
 * first text up, or the last down, changes nothing.
 */
export async function moveInContents(
  input: { callId: string; submissionId: string; direction: MoveDirection },
  deps: { uow: UnitOfWork; call: Call },
): Promise<MoveResult> {
  return deps.uow.run(async (s): Promise<MoveResult> => {
    const { placed } = await issueContents(deps.call, input.callId, s);
    const ids = placed.map((e) => e.id);
    const at = ids.indexOf(input.submissionId);
    if (at < 0) return { ok: false, reason: 'not-placed' };
    const to = input.direction === 'up' ? at - 1 : at + 1;
    if (to >= 0 && to < ids.length) [ids[at], ids[to]] = [ids[to] as string, ids[at] as string];
    await s.issueOrder.replace(input.callId, ids);
    return { ok: true };
  });
}
