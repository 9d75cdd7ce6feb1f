import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadCall } from '../../src/adapters/call-file/load-call.js';
import { callToYaml } from '../../src/adapters/call-file/write-call.js';
import { SOCIOGRAPHE_81 } from '../../src/domain/call/sociographe-81.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'appel-callfile-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('loadCall', () => {
  it('gives the embedded default without a path', async () => {
    const r = await loadCall();
    assert.ok(r.ok);
    assert.equal(r.call.id, 'sociographe-81');
  });

  it('reads the default call back from YAML and from JSON, unchanged', async () => {
    const y = await loadCall(await file('s81.yaml', callToYaml(SOCIOGRAPHE_81)));
    assert.ok(y.ok);
    assert.deepEqual(y.call, SOCIOGRAPHE_81);
    const j = await loadCall(await file('s81.json', JSON.stringify(SOCIOGRAPHE_81)));
    assert.ok(j.ok);
    assert.deepEqual(j.call, SOCIOGRAPHE_81);
  });

  it('reads an unquoted YAML date as the calendar day', async () => {
    const text = callToYaml(SOCIOGRAPHE_81).replace("date: '2022-09-01'", 'date: 2022-09-01');
    const r = await loadCall(await file('unquoted.yaml', text));
    assert.ok(r.ok);
    assert.equal(r.call.deadline.date, '2022-09-01');
  });

  it('gives the line of a syntax error', async () => {
    const r = await loadCall(await file('bad.yaml', 'journal: Revue\ntheme: [pas fermé\nissue: 3\n'));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'CALL_FILE_SYNTAX');
    assert.match(r.error.text.fr, /ligne \d/);
  });

  it('refuses duplicate keys', async () => {
    const r = await loadCall(await file('dup.yaml', 'journal: A\njournal: B\n'));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'CALL_FILE_SYNTAX');
  });

  it('names the wrong field of a valid YAML file that is not a valid call', async () => {
    const text = callToYaml(SOCIOGRAPHE_81).replace('month: 3', 'month: mars');
    const r = await loadCall(await file('month.yaml', text));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'CALL_INVALID');
    assert.equal(r.problems[0]?.field, 'publication.month');
  });

  it('says when the file does not exist', async () => {
    const r = await loadCall(join(dir, 'absent.yaml'));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'CALL_FILE_NOT_FOUND');
  });

  it('keeps a YAML alias bomb harmless', async () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(
        `${next}: &${next} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`,
      );
    }
    const r = await loadCall(await file('bomb.yaml', `${lines.join('\n')}\n`));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'CALL_FILE_SYNTAX');
  });
});
