import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchThread, type ThreadCandidate, type ThreadMessage } from '../../../src/domain/intake/thread.js';
import { titleSimilarity } from '../../../src/domain/intake/title-similarity.js';

const submission: ThreadCandidate = {
  submissionId: 's1',
  callId: 'c81',
  messageIds: ['<m1@example.fr>', '<receipt-s1@journal.example>'],
  senders: ['marie.dupont@example.fr'],
  titles: ['Le travail social à l’épreuve du numérique'],
  fileHashes: ['aaa'],
};
const other: ThreadCandidate = {
  submissionId: 's2',
  callId: 'c81',
  messageIds: ['<m2@example.fr>'],
  senders: ['jean.martin@example.fr'],
  titles: ['Accompagner les familles'],
  fileHashes: ['bbb'],
};

function message(patch: Partial<ThreadMessage> = {}): ThreadMessage {
  return {
    sender: 'marie.dupont@example.fr',
    callId: 'c81',
    references: [],
    titles: [],
    fileHashes: ['ccc'],
    ...patch,
  };
}

describe('threads: new version, complement or new submission', () => {
  it('a reply to our receipt with a new file is a new version, by In-Reply-To', () => {
    const m = message({ inReplyTo: '<receipt-s1@journal.example>', references: ['<m1@example.fr>'] });
    assert.deepEqual(matchThread(m, [submission, other]), {
      kind: 'follow-up',
      submissionId: 's1',
      by: 'in-reply-to',
      newFile: true,
    });
  });

  it('a reply without a file is a complement (newFile false), found by References too', () => {
    const m = message({ references: ['<m1@example.fr>', '<receipt-s1@journal.example>'], fileHashes: [] });
    assert.deepEqual(matchThread(m, [submission]), {
      kind: 'follow-up',
      submissionId: 's1',
      by: 'references',
      newFile: false,
    });
  });

  it('the same file sent again is recognised by its hash', () => {
    assert.deepEqual(matchThread(message({ fileHashes: ['aaa'] }), [submission]), {
      kind: 'same-file',
      submissionId: 's1',
    });
  });

  it('a copied reference from another sender does not attach the message: it is ambiguous', () => {
    const m = message({ sender: 'intrus@example.org', inReplyTo: '<receipt-s1@journal.example>' });
    assert.deepEqual(matchThread(m, [submission]), {
      kind: 'ambiguous',
      submissionIds: ['s1'],
      reason: 'other-sender',
    });
  });

  it('a later message from the same sender to the same call with a similar title is a new version', () => {
    const m = message({
      titles: ['Re: Proposition : Le travail social a l’epreuve du numerique (version 2)'],
    });
    assert.deepEqual(matchThread(m, [submission, other]), {
      kind: 'follow-up',
      submissionId: 's1',
      by: 'sender-and-title',
      newFile: true,
    });
  });

  it('a different title from the same sender is a second proposal; no title at all is the same work', () => {
    assert.deepEqual(
      matchThread(message({ titles: ['Une tout autre question : les mineurs isolés'] }), [submission]),
      { kind: 'new' },
    );
    assert.deepEqual(matchThread(message({ titles: [] }), [submission]), {
      kind: 'follow-up',
      submissionId: 's1',
      by: 'sender-and-call',
      newFile: true,
    });
  });

  it('another call, or another sender, is a new submission', () => {
    assert.deepEqual(matchThread(message({ callId: 'c82' }), [submission]), { kind: 'new' });
    assert.deepEqual(matchThread(message({ sender: 'quelqu.un@example.fr' }), [submission]), { kind: 'new' });
    assert.deepEqual(matchThread(message(), []), { kind: 'new' });
  });

  it('title similarity ignores accents, case, reply prefixes and small words', () => {
    assert.equal(titleSimilarity('RE: Le Travail social', 'le travail social'), 1);
    assert.ok(titleSimilarity('Accompagner les familles', 'Le travail social') < 0.5);
    assert.equal(titleSimilarity('', 'x'), 0);
  });
});
