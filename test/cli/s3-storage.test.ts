import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { openContext } from '../../src/main/context.js';
import { cli } from '../helpers/cli.js';
import { type RunningS3, S3_KEY, startS3 } from '../helpers/s3-server.js';
import { docxAttachment, mailFrom, manuscriptDocx, PEOPLE } from '../intake/support/fixtures.js';

/**
 * A host whose instances share no disk keeps the files in an S3-compatible bucket
 * (APPEL_S3_BUCKET …): the commands store manuscripts and raw messages there, read them back from
 * there, and sweep there; the data folder keeps only the database (here SQLite) and the spool.
 */
describe('files in an S3-compatible bucket (appel mail import, appel sweep)', () => {
  let s3: RunningS3;
  let dir = '';
  const saved = new Map<string, string | undefined>();

  before(async () => {
    s3 = await startS3('appel-cli');
    dir = await mkdtemp(join(tmpdir(), 'appel-s3-cli-'));
    // The commands read process.env, as `appel` does.
    const env = { ...s3.env, APPEL_S3_PREFIX: 'sociographe' };
    for (const [name, value] of Object.entries({ ...env, DATABASE_URL: undefined })) {
      saved.set(name, process.env[name]);
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  after(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await s3.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function objects(prefix: string): Promise<string[]> {
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: S3_KEY, secretAccessKey: S3_KEY },
    });
    try {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
      return (listed.Contents ?? []).map((o) => o.Key as string);
    } finally {
      client.destroy();
    }
  }

  it('imports a message: the raw message and the manuscript go to the bucket, none to the data folder', async () => {
    const data = join(dir, 'data');
    const path = join(dir, 'proposition.eml');
    const when = new Date('2022-08-20T09:00:00Z');
    await writeFile(
      path,
      await mailFrom({
        from: PEOPLE.louis,
        date: when,
        received: when,
        messageId: '<s3.cli@exemple.fr>',
        attachments: [docxAttachment('manuscrit.docx', await manuscriptDocx(11))],
      }),
    );
    const r = await cli(['mail', 'import', path, '--data', data, '--json']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).submissions, 1);

    const stored = await objects('sociographe/files/');
    assert.ok(stored.length >= 2, `the raw message and the manuscript: ${stored.join(', ')}`);
    assert.ok(!existsSync(join(data, 'files')) || (await readdir(join(data, 'files'))).length === 0);

    const context = await openContext({ data });
    try {
      const [summary] = await context.submissions.listByCall(context.callId);
      const record = summary ? await context.submissions.findById(summary.id) : null;
      const version = record?.versions[0];
      assert.ok(version, 'the submission and its version are recorded');
      assert.ok(
        stored.some((key) => key.endsWith(`/${version.fileSha256}`)),
        'the version names an object',
      );
      const bytes = await context.files.read(version.fileSha256);
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'read back from the bucket, verified');
    } finally {
      await context.close();
    }
  });

  it('sweeps the bucket: a dry run finds nothing to remove, every file being named by a record', async () => {
    const r = await cli(['sweep', '--dry-run', '--data', join(dir, 'data')]);
    assert.equal(r.code, 0, r.err);
    assert.equal((await objects('sociographe/aside/')).length, 0);
    assert.ok((await objects('sociographe/files/')).length >= 2, 'nothing removed');
  });

  it('stops with FILE_STORE_UNAVAILABLE (exit 1, French and English) when the bucket does not exist', async () => {
    process.env.APPEL_S3_BUCKET = 'pas-de-seau';
    try {
      const r = await cli(['mail', 'import', join(dir, 'proposition.eml'), '--data', join(dir, 'data')]);
      assert.notEqual(r.code, 0);
      assert.match(r.err, /stockage des fichiers/);
      assert.match(r.err, /file storage/);
      assert.ok(!r.err.includes(S3_KEY), 'no credential in the message');
    } finally {
      process.env.APPEL_S3_BUCKET = s3.bucket;
    }
  });
});
