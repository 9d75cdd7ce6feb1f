import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { keepDeskTexts } from '../../src/app/desk-dashboard.js';
import type { RunningDesk } from '../helpers/http-server.js';
import { type Staff, seedSubmission, staffMember, startTestDesk, testClock } from './desk-helpers.js';

/**
 * The dashboard's search reaches into the manuscripts' words (the latest version's), accents,
 * case and apostrophes folded; a query's words may be found some in the title or an author's
 * name, some in the text. The exports follow the same search.
 */
describe('the dashboard searches the manuscripts’ text', () => {
  let desk: RunningDesk;
  let coordinator: Staff;
  const files: string[] = [];

  before(async () => {
    const started = await startTestDesk({}, testClock(Date.parse('2022-09-05T08:00:00Z')));
    desk = started.desk;
    const admin = await staffMember(desk, started.clock, 'administrator');
    coordinator = await staffMember(desk, started.clock, 'coordinator', 'c@exemple.fr', admin.account);
    const first = await seedSubmission(desk, {
      title: 'Le guichet numérique',
      givenName: 'Élodie',
      surname: 'Martin',
      receivedAt: '2022-08-20T10:00:00Z',
      extra: ['Le dispositif « Pass’Numérique » du Département de l’Hérault.'],
    });
    const second = await seedSubmission(desk, {
      title: 'Écrans et accompagnement',
      givenName: 'Nadia',
      surname: 'Benali',
      receivedAt: '2022-08-21T10:00:00Z',
      extra: ['Les éducateurs de prévention spécialisée, au 100 % des cas.'],
    });
    for (const { record } of [first, second]) files.push(record.versions.at(-1)?.fileSha256 ?? '');
  });
  after(() => desk.close());

  const titles = async (query: string): Promise<string[]> => {
    const { html } = await coordinator.visitor.page(`/bureau?q=${encodeURIComponent(query)}`);
    return [...html.matchAll(/<a href="\/bureau\/propositions\/[^"]+">([^<]+)<\/a>/g)].map(
      (m) => m[1] as string,
    );
  };

  it('finds a word that is only in the text, whatever its accents, case and apostrophe', async () => {
    assert.deepEqual(await titles("pass'numerique"), ['Le guichet numérique']);
    assert.deepEqual(await titles('HERAULT'), ['Le guichet numérique']);
    assert.deepEqual(await titles('prévention'), ['Écrans et accompagnement']);
    assert.deepEqual(await titles('herault prevention'), [], 'every word must be found');
  });

  it('mixes the title, the authors and the text in one query', async () => {
    assert.deepEqual(await titles('benali educateurs'), ['Écrans et accompagnement']);
    const { html } = await coordinator.visitor.page(`/bureau?q=${encodeURIComponent('benali éducateurs')}`);
    assert.match(html, /dans le texte\s: éducateurs/, 'the row says which word only the text holds');
    assert.deepEqual(await titles('guichet departement'), ['Le guichet numérique']);
  });

  it('takes % and _ as characters, not as patterns', async () => {
    assert.deepEqual(await titles('100 %'), ['Écrans et accompagnement']);
    assert.deepEqual(await titles('%'), ['Écrans et accompagnement']);
    assert.deepEqual(await titles('_'), []);
  });

  it('keeps each manuscript’s words after the first search', async () => {
    assert.deepEqual(await desk.context.manuscriptTexts.missing(files), []);
  });

  it('keeps the words of new arrivals ahead of the next search (what the desk does hourly)', async () => {
    const { record } = await seedSubmission(desk, {
      title: 'Arrivée plus tard',
      givenName: 'Paul',
      surname: 'Tardif',
      receivedAt: '2022-08-22T10:00:00Z',
    });
    const file = record.versions.at(-1)?.fileSha256 ?? '';
    assert.deepEqual(await desk.context.manuscriptTexts.missing([file]), [file]);
    const search = {
      index: desk.context.manuscriptTexts,
      files: desk.context.intake.files,
      read: desk.context.intake.read,
    };
    assert.equal(await keepDeskTexts(desk.context, desk.context.callId, search), 1);
    assert.deepEqual(await desk.context.manuscriptTexts.missing([file]), []);
    assert.equal(await keepDeskTexts(desk.context, desk.context.callId, search), 0, 'nothing read again');
  });

  it('exports what the search shows', async () => {
    const response = await coordinator.visitor.get(`/bureau/export.csv?q=${encodeURIComponent('hérault')}`);
    const csv = await response.text();
    assert.match(csv, /Le guichet numérique/);
    assert.doesNotMatch(csv, /Écrans et accompagnement/);
  });
});
