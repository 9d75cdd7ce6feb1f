import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KyselyManuscriptTextIndex } from '../../../src/adapters/db/repositories/manuscript-texts.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { sha256, storesFor, T0 } from './fixtures.js';

/** The manuscripts' folded words for the desk's search, on each dialect with the real migrations. */
export function manuscriptTextsSuite(makeDb: MakeDatabase): void {
  describe('manuscript texts (search)', () => {
    let t: TestDatabase;
    let index: KyselyManuscriptTextIndex;
    const [a, b, c] = ['texte a', 'texte b', 'texte c'].map(sha256) as [string, string, string];
    before(async () => {
      t = await makeDb();
      const s = await storesFor(t.handle);
      index = new KyselyManuscriptTextIndex(t.handle.db, s.clock);
      await t.handle.db
        .insertInto('files')
        .values(
          [a, b, c].map((sha) => ({
            sha256: sha,
            byte_size: 10,
            media_type: 'application/pdf',
            created_at: T0,
          })),
        )
        .execute();
    });
    after(() => t.drop());

    it('say which files have no kept text, and keep a text once', async () => {
      assert.deepEqual(await index.missing([a, b, a]), [a, b]);
      await index.put(a, "l'usager du guichet a 100 % numerique");
      await index.put(a, 'un autre texte');
      await index.put(b, 'le_tiret_bas et la prevention');
      assert.deepEqual(await index.missing([a, b, c]), [c]);
    });

    it('find each word anywhere in the kept texts, % _ and \\ taken literally, among the files asked', async () => {
      const found = await index.containing(
        [a, b, c],
        ['guichet', "l'usager", '%', '_', 'prev', 'absent', '\\'],
      );
      assert.deepEqual(found.get('guichet'), new Set([a]), 'the first text was kept, not the second');
      assert.deepEqual(found.get("l'usager"), new Set([a]));
      assert.deepEqual(found.get('%'), new Set([a]));
      assert.deepEqual(found.get('_'), new Set([b]));
      assert.deepEqual(found.get('prev'), new Set([b]));
      assert.deepEqual(found.get('absent'), new Set());
      assert.deepEqual(found.get('\\'), new Set());
      assert.deepEqual((await index.containing([b], ['guichet'])).get('guichet'), new Set());
    });
  });
}
