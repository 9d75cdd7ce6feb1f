import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayReply, NOTICES_PER_DAY, replyWindowStart } from '../../../src/domain/intake/rate-limit.js';

describe('automatic replies to one sender', () => {
  it('always sends the receipt of a message that records something, however many went today', () => {
    for (const sent of [0, 1, NOTICES_PER_DAY, 50]) assert.equal(mayReply('receipt', sent), true, `${sent}`);
  });

  it('sends a notice (a letter that records nothing) while fewer than three replies went in 24 hours', () => {
    assert.equal(NOTICES_PER_DAY, 3);
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((sent) => mayReply('notice', sent)),
      [true, true, true, false, false],
    );
  });

  it('takes another cap when given one (one a day: the second notice is refused)', () => {
    assert.equal(mayReply('notice', 0, 1), true);
    assert.equal(mayReply('notice', 1, 1), false);
  });

  it('counts over the 24 hours before now, whatever the time zone or the midnight in between', () => {
    assert.deepEqual(replyWindowStart(new Date('2025-03-02T00:30:00Z')), new Date('2025-03-01T00:30:00Z'));
  });

  it('stops two auto-responders that escaped detection after three letters, and lets a person retry twice', () => {
    // Each side answers the other: our notices are the only letters counted for that sender.
    let sent = 0;
    for (let message = 0; message < 10; message++) if (mayReply('notice', sent)) sent++;
    assert.equal(sent, NOTICES_PER_DAY);
    // A person: no file (notice), no file again (notice), then the file (receipt), all the same day.
    assert.equal(mayReply('notice', 0), true);
    assert.equal(mayReply('notice', 1), true);
    assert.equal(mayReply('receipt', 2), true);
  });
});
