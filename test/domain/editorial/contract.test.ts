import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canAttachContract,
  canReturnSignedContract,
  checkContractFile,
  contractFileProblemMessage,
  contractStage,
  MAX_CONTRACT_FILES,
  MAX_SIGNED_FILES,
  showsContract,
} from '../../../src/domain/editorial/contract.js';
import { STATUSES } from '../../../src/domain/submission/status.js';

describe('the publishing contract as files', () => {
  it('lets the coordinators attach it from acceptance until the signature, the author answer while it waits', () => {
    assert.deepEqual(STATUSES.filter(canAttachContract), ['accepted', 'contract_sent']);
    assert.deepEqual(STATUSES.filter(canReturnSignedContract), ['contract_sent']);
    assert.deepEqual(STATUSES.filter(showsContract), [
      'contract_sent',
      'contract_signed',
      'in_issue',
      'published',
    ]);
    assert.ok(contractStage('accepted'));
    assert.ok(!contractStage('in_review'));
    assert.ok(
      !showsContract('accepted'),
      'the author sees the contract once it is sent, not while it is prepared',
    );
  });

  it('takes a contract as PDF, Word or LibreOffice, and a signed copy as a photo too', () => {
    const ok = { readable: true };
    assert.equal(checkContractFile('contract', { kind: 'pdf', ...ok }, 0), null);
    assert.equal(checkContractFile('contract', { kind: 'docx', ...ok }, 0), null);
    assert.equal(checkContractFile('contract', { kind: 'odt', ...ok }, 0), null);
    assert.equal(checkContractFile('contract', { kind: 'image', ...ok }, 0), 'format');
    assert.equal(checkContractFile('signed', { kind: 'image', ...ok }, 0), null);
    assert.equal(checkContractFile('signed', { kind: 'pdf', ...ok }, 0), null);
    for (const kind of ['html', 'text', 'zip', 'rtf', 'doc', 'unknown', 'empty'] as const) {
      assert.equal(checkContractFile('signed', { kind, ...ok }, 0), 'format', kind);
    }
    assert.equal(checkContractFile('signed', { kind: 'docx', readable: false }, 0), 'damaged');
  });

  it('caps the files of each kind, and says what to do in both languages', () => {
    const pdf = { kind: 'pdf' as const, readable: true };
    assert.equal(checkContractFile('contract', pdf, MAX_CONTRACT_FILES - 1), null);
    assert.equal(checkContractFile('contract', pdf, MAX_CONTRACT_FILES), 'too-many');
    assert.equal(checkContractFile('signed', pdf, MAX_SIGNED_FILES - 1), null);
    assert.equal(checkContractFile('signed', pdf, MAX_SIGNED_FILES), 'too-many');
    for (const kind of ['contract', 'signed'] as const) {
      for (const problem of ['format', 'too-many', 'damaged'] as const) {
        const message = contractFileProblemMessage(kind, problem);
        assert.ok(message.fr.length > 20 && message.en.length > 20, `${kind} ${problem}`);
        assert.notEqual(message.fr, message.en);
      }
    }
  });
});
