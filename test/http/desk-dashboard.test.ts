import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningDesk } from '../helpers/http-server.js';
import { unzipBytes } from '../helpers/unzip.js';
import {
  type Staff,
  seedSubmission,
  staffMember,
  startTestDesk,
  type TestClock,
  testClock,
} from './desk-helpers.js';

/** Parses our CSV: UTF-8 with a byte-order mark, semicolons, RFC 4180 quoting. */
function parseCsv(bytes: Buffer): string[][] {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark, for spreadsheets');
  const text = bytes.toString('utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

/** Every entry of a zip as text. */
async function unzip(bytes: Buffer): Promise<Map<string, string>> {
  const entries = await unzipBytes(bytes);
  return new Map([...entries].map(([name, data]) => [name, data.toString('utf8')]));
}

const rowsOf = (html: string) => (html.match(/<input type="checkbox" id="choix-/g) ?? []).length;

describe('the dashboard: submissions, filters, search, exports, charts, bulk actions', () => {
  let desk: RunningDesk;
  let clock: TestClock;
  let coordinator: Staff;
  let committee: Staff;
  const ids: Record<string, string> = {};

  before(async () => {
    // Four days after the no. 81 call closed (1 September 2022, Paris).
    ({ desk, clock } = await startTestDesk({}, testClock(Date.parse('2022-09-05T08:00:00Z'))));
    const admin = await staffMember(desk, clock, 'administrator');
    coordinator = await staffMember(desk, clock, 'coordinator', 'coordination@exemple.fr', admin.account);
    committee = await staffMember(desk, clock, 'committee', 'comite@exemple.fr', admin.account);
    const seeds = [
      {
        key: 'durand',
        title: 'Le numérique au quotidien',
        givenName: 'Élodie',
        surname: 'Durand',
        receivedAt: '2022-08-20T10:00:00Z',
        axis: 'usages',
      },
      {
        key: 'injection',
        title: '=HYPERLINK("http://evil.example";"clic")',
        givenName: 'Paul',
        surname: 'Martin',
        receivedAt: '2022-08-25T09:00:00Z',
        length: 1200,
        channel: 'email' as const,
      },
      {
        key: 'benali',
        title: 'Plateformes et algorithmes au guichet',
        givenName: 'Anne',
        surname: 'Benali',
        receivedAt: '2022-08-31T16:00:00Z',
      },
      {
        key: 'late',
        title: 'Écrans et accompagnement',
        givenName: 'Louis',
        surname: 'Petit',
        receivedAt: '2022-09-03T12:00:00Z',
      },
    ];
    for (const { key, ...seed } of seeds) ids[key] = (await seedSubmission(desk, seed)).record.id;
  });
  after(() => desk.close());

  it('lists every submission with status, length against the window, findings, channel and date', async () => {
    const { response, html } = await coordinator.visitor.page('/bureau');
    assert.equal(response.status, 200);
    assert.equal(rowsOf(html), 4);
    assert.match(html, /<caption>4 propositions affichées sur 4<\/caption>/);
    assert.match(html, /Le numérique au quotidien/);
    assert.match(
      html,
      /=HYPERLINK\(&quot;http:\/\/evil\.example&quot;;&quot;clic&quot;\)/,
      'escaped, as text',
    );
    assert.match(html, /arrivée après la date limite/);
    assert.match(html, /non conforme/);
    assert.match(html, /courriel/);
    assert.match(html, /samedi 20 août 2022 à 12\u00a0h\u00a000/);
    assert.match(html, /<th scope="col"[^>]*><a href="\/bureau\?tri=title">Titre/);
  });

  it('draws the two charts as SVG with a title, a description and a table of figures', async () => {
    const { html } = await coordinator.visitor.page('/bureau');
    assert.match(
      html,
      /<svg viewBox="0 0 640 236" role="img" aria-labelledby="chart-days-title chart-days-desc">/,
    );
    assert.match(html, /<title id="chart-days-title">Propositions reçues par jour<\/title>/);
    assert.match(html, /<desc id="chart-days-desc">4 propositions reçues\u202f; [^<]*1 après la date limite/);
    assert.match(html, /<title id="chart-lengths-title">Longueur des textes et fenêtre de l’appel<\/title>/);
    assert.match(html, /<caption>Nombre de textes par tranche de signes<\/caption>/);
    assert.doesNotMatch(html, /<script|style=/, 'nothing the CSP would block');
  });

  it('filters by status, lateness, channel and verdict, and searches titles and authors without accents', async () => {
    const get = async (qs: string) => (await coordinator.visitor.page(`/bureau?${qs}`)).html;
    const late = await get('retard=oui');
    assert.equal(rowsOf(late), 1);
    assert.match(late, /Écrans et accompagnement/);
    assert.equal(rowsOf(await get('statut=late')), 1);
    assert.equal(rowsOf(await get('canal=email')), 1);
    const failing = await get('verdict=fail');
    assert.equal(rowsOf(failing), 1);
    assert.match(failing, /HYPERLINK/);
    const search = await get('q=ELODIE');
    assert.equal(rowsOf(search), 1);
    assert.match(search, /Le numérique au quotidien/);
    assert.equal(rowsOf(await get('q=guichet+benali')), 1);
    assert.equal(rowsOf(await get('q=personne')), 0);
    const sorted = await get('tri=title&ordre=desc');
    assert.ok(sorted.indexOf('Plateformes') < sorted.indexOf('Le numérique'), 'sorted by title, descending');
    assert.equal(rowsOf(await get('axe=usages')), 1);
  });

  it('exports the filtered rows as CSV, with formula-like cells neutralised', async () => {
    const response = await coordinator.visitor.get('/bureau/export.csv');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="propositions-sociographe-81\.csv"$/,
    );
    const rows = parseCsv(Buffer.from(await response.arrayBuffer()));
    assert.deepEqual(rows[0]?.slice(0, 4), ['Référence', 'Reçue le', 'Titre', 'Auteurs']);
    assert.equal(rows.length, 5);
    const injected = rows.find((r) => r[0] === ids.injection);
    assert.equal(
      injected?.[2],
      '\'=HYPERLINK("http://evil.example";"clic")',
      'a leading apostrophe keeps it text',
    );
    const durand = rows.find((r) => r[0] === ids.durand);
    assert.equal(durand?.[3], 'Élodie Durand');
    assert.equal(durand?.[8], '12012', 'the figure, as a number');

    const filtered = parseCsv(
      Buffer.from(await (await coordinator.visitor.get('/bureau/export.csv?retard=oui')).arrayBuffer()),
    );
    assert.equal(filtered.length, 2, 'the header and the late one');
  });

  it('exports XLSX with the same neutralisation', async () => {
    const response = await coordinator.visitor.get('/bureau/export.xlsx');
    assert.equal(response.status, 200);
    assert.equal(
      response.headers.get('content-type'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const entries = await unzip(Buffer.from(await response.arrayBuffer()));
    const text = [...entries.values()].join('\n');
    assert.match(text, /<t>'=HYPERLINK\("http:\/\/evil\.example";"clic"\)<\/t>/);
    assert.doesNotMatch(text, /<f>/, 'no formula cell anywhere');
    assert.match(text, /Plateformes et algorithmes au guichet/);
  });

  it('keeps exports for coordinators: the committee reads the dashboard but may not export', async () => {
    const { response, html } = await committee.visitor.page('/bureau');
    assert.equal(response.status, 200);
    assert.doesNotMatch(html, /export\.csv/);
    assert.equal((await committee.visitor.get('/bureau/export.csv')).status, 403);
    assert.equal((await committee.visitor.get('/bureau/export.xlsx')).status, 403);
  });

  it('applies one transition to several submissions, each on its own, and reports row by row', async () => {
    const { html, csrf } = await coordinator.visitor.page('/bureau');
    const value = (id: string | undefined) => new RegExp(`value="(${id}:\\d+)"`).exec(html)?.[1] ?? '';
    const late = value(ids.late);
    const durand = value(ids.durand);
    const benali = value(ids.benali);
    // Someone else moves Benali's submission meanwhile: the page's version is now stale.
    const other = await coordinator.visitor.page(`/bureau/propositions/${ids.benali}`);
    const moved = await coordinator.visitor.post(`/bureau/propositions/${ids.benali}/transition`, {
      _csrf: other.csrf,
      version: benali.split(':')[1] ?? '',
      action: 'send_to_review',
    });
    assert.equal(moved.status, 303);
    const response = await coordinator.visitor.post('/bureau/actions', {
      _csrf: csrf,
      action: 'send_to_review',
      selection: [durand, late, benali],
    });
    assert.equal(response.status, 200);
    const result = await response.text();
    assert.match(result, /1 sur 3 propositions traitée\./);
    assert.match(result, /fait\u00a0: complète → en évaluation/);
    assert.match(
      result,
      /Action impossible\s: «\s?envoyer en évaluation\s?» ne s’applique pas à une proposition à l’état «\s?arrivée après la date limite\s?»/,
    );
    assert.match(result, /laissée telle quelle\u00a0: quelqu’un d’autre l’a modifiée entre-temps/);
    const record = await desk.context.submissions.findById(ids.durand as string);
    assert.equal(record?.status, 'in_review');
    const lateRecord = await desk.context.submissions.findById(ids.late as string);
    assert.equal(lateRecord?.status, 'late', 'a refused row is left as it was');
  });

  it('downloads the anonymised copies of the ticked submissions in one zip, named by reference', async () => {
    const signed = await seedSubmission(desk, {
      title: 'Une proposition signée',
      givenName: 'Inès',
      surname: 'Leclerc',
      receivedAt: '2022-08-30T10:00:00Z',
      extra: ['Comme l’écrivait Inès Leclerc (2019), et Leclerc encore en 2021.'],
    });
    const { html, csrf } = await committee.visitor.page('/bureau');
    assert.match(html, /name="telecharger" value="copies-anonymes"/);
    const value = (id: string | undefined) => new RegExp(`value="(${id}:\\d+)"`).exec(html)?.[1] ?? '';
    const response = await committee.visitor.post('/bureau/actions', {
      _csrf: csrf,
      action: 'decline',
      telecharger: 'copies-anonymes',
      selection: [value(ids.durand), value(signed.record.id), 'inconnue:1'],
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    assert.match(response.headers.get('content-disposition') ?? '', /copies-anonymes-sociographe-81\.zip/);
    const entries = await unzipBytes(Buffer.from(await response.arrayBuffer()));
    const names = [...entries.keys()];
    const durand = `proposition-${ids.durand?.slice(0, 8)}-v1.docx`;
    const leclerc = `proposition-${signed.record.id.slice(0, 8)}-v1.docx`;
    assert.deepEqual(names.sort(), ['LISEZMOI.txt', durand, leclerc].sort());
    const readme = entries.get('LISEZMOI.txt')?.toString('utf8') ?? '';
    assert.match(readme, new RegExp(`copie anonyme\u00a0: ${durand}`));
    assert.match(readme, /inconnue : introuvable/);
    assert.match(readme, /inconnue: not found/);
    assert.doesNotMatch(readme, /Durand|Leclerc|numérique au quotidien|signée/i, 'no author, no title');
    for (const [name, data] of entries) {
      if (!name.endsWith('.docx')) continue;
      const read = await desk.context.intake.read({ bytes: data, name }, { keepText: true });
      assert.equal(read.error, null, name);
      const text = (read.manuscript?.paragraphs ?? []).map((p) => p.text).join('\n');
      assert.match(text, /Le travail social se transforme/, `${name} is the manuscript`);
      assert.doesNotMatch(text, /Durand|Leclerc/, `${name} names no author`);
      if (name === leclerc)
        assert.match(text, /Comme l’écrivait \[Auteur\] \(2019\), et \[Auteur\] encore en 2021\./);
    }
    const record = await desk.context.submissions.findById(ids.durand as string);
    assert.notEqual(record?.status, 'declined', 'the download changes no status');
  });

  it('refuses a bulk action without a selection', async () => {
    const { csrf } = await coordinator.visitor.page('/bureau');
    const response = await coordinator.visitor.post('/bureau/actions', { _csrf: csrf, action: 'decline' });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /Cochez au moins une proposition/);
  });
});
