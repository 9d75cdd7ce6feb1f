import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/adapters/http/server.js';
import { hashToken } from '../../src/app/accounts/secrets.js';
import {
  ACCESS_ACTORS,
  type AccessActor,
  accessOf,
  ROUTE_RULES,
  ruleFor,
} from '../../src/domain/accounts/authorisation.js';
import type { RunningDesk } from '../helpers/http-server.js';
import { moveAlong, seedSubmission, staffMember, startTestDesk, testClock, Visitor } from './desk-helpers.js';

/** Every route the server registered, read from Fastify's own route tree (HEAD left out: it follows GET). */
function registeredRoutes(app: FastifyInstance): Array<{ method: string; path: string }> {
  const out: Array<{ method: string; path: string }> = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(m[2] ?? '');
    for (const method of m[3]?.split(', ') ?? []) {
      if (method !== 'HEAD' && method !== 'OPTIONS') out.push({ method, path: stack.join('') });
    }
  }
  return out;
}

describe('the authorisation matrix, walked route by route and actor by actor', () => {
  let desk: RunningDesk;
  const visitors = new Map<AccessActor, Visitor>();
  const authorLink = randomBytes(32).toString('base64url');
  const unknownLink = randomBytes(32).toString('base64url');
  // A reader's link (blind review): the « author » actor stands for whoever holds the route's link.
  const readerLink = randomBytes(32).toString('base64url');
  // An author whose contract was sent: the link opens the contract's file.
  const contractLink = randomBytes(32).toString('base64url');
  // An author whose decision came with a reader's annotated text: the link opens its copy.
  const reviewedLink = randomBytes(32).toString('base64url');
  let submissionId: string;
  let contractDocumentId: string;
  let reviewFileId: string;

  before(async () => {
    // While the call is open: the authors' form answers (a closed call refuses new submissions).
    const started = await startTestDesk({}, testClock(Date.parse('2022-08-20T10:00:00Z')));
    desk = started.desk;
    const admin = await staffMember(desk, started.clock, 'administrator');
    const coordinator = await staffMember(desk, started.clock, 'coordinator', 'c@exemple.fr', admin.account);
    const committee = await staffMember(desk, started.clock, 'committee', 'm@exemple.fr', admin.account);
    visitors.set('administrator', admin.visitor);
    visitors.set('coordinator', coordinator.visitor);
    visitors.set('committee', committee.visitor);
    visitors.set('anonymous', new Visitor(desk.url));
    visitors.set('author', new Visitor(desk.url));
    const seeded = await seedSubmission(desk, {
      title: 'Une proposition',
      givenName: 'Anne',
      surname: 'Auteur',
      receivedAt: '2022-08-20T10:00:00Z',
      linkToken: authorLink,
    });
    submissionId = seeded.record.id;
    await desk.context.intake.uow.run((s) =>
      s.reviews.create({
        submissionId,
        versionNumber: 1,
        readerName: 'Rita Relectrice',
        readerEmail: 'rita@exemple.fr',
        dueOn: null,
        note: null,
        askedBy: coordinator.account.id,
        tokenHash: hashToken(readerLink),
      }),
    );
    contractDocumentId = await seedSentContract(desk, contractLink);
    reviewFileId = await seedSharedReviewFile(desk, reviewedLink, coordinator.account.id);
  });
  after(() => desk.close());

  it('names every registered route, and registers every route it names', () => {
    const routes = registeredRoutes(desk.app);
    assert.ok(routes.length >= 30, `the route tree was read (${routes.length} routes)`);
    const missing = routes.filter((r) => ruleFor(r.method, r.path) === null);
    assert.deepEqual(missing, [], 'a route missing from the matrix would be refused to everyone');
    const stale = ROUTE_RULES.filter(
      (rule) => !routes.some((r) => r.method === rule.method && r.path === rule.path),
    );
    assert.deepEqual(stale, [], 'the matrix names no route that does not exist');
  });

  it('answers each actor on each route as the matrix says', async () => {
    const failures: string[] = [];
    const csrf = new Map<AccessActor, string>();
    for (const [actor, visitor] of visitors) {
      csrf.set(
        actor,
        (await visitor.page(actor === 'anonymous' || actor === 'author' ? '/connexion' : '/bureau')).csrf,
      );
    }
    let checked = 0;
    for (const { method, path } of registeredRoutes(desk.app)) {
      if (path === '/deconnexion') continue; // walked last: it ends the session
      const rule = ruleFor(method, path);
      assert.ok(rule);
      for (const actor of ACCESS_ACTORS) {
        const visitor = visitors.get(actor) as Visitor;
        const realLink = rule.proof === 'link' && actor === 'author' && method === 'GET';
        const linkOf = (p: string) =>
          p.startsWith('/relecture/')
            ? readerLink
            : p.includes('/contrat/')
              ? contractLink
              : p.includes('/relectures/')
                ? reviewedLink
                : authorLink;
        const url = path
          .replace(':id', path.startsWith('/bureau/comptes') ? 'compte-inconnu' : submissionId)
          .replace(':number', '1')
          .replace(':review', 'relecture-inconnue')
          .replace(':document', path.startsWith('/suivi/') ? contractDocumentId : 'fichier-inconnu')
          .replace(':file', path.startsWith('/suivi/') ? reviewFileId : 'fichier-inconnu')
          .replace(':token', realLink ? linkOf(path) : unknownLink);
        const form = { _csrf: csrf.get(actor) ?? '' };
        const response =
          method === 'GET'
            ? await visitor.get(url)
            : path === '/deposer'
              ? await visitor.postMultipart(url, form)
              : await visitor.post(url, form);
        await response.arrayBuffer();
        const status = response.status;
        const location = response.headers.get('location') ?? '';
        const access = accessOf(rule, actor);
        const ok =
          access === 'allowed'
            ? status !== 401 && status !== 403 && !location.startsWith('/connexion')
            : access === 'with-link'
              ? realLink
                ? status === 200
                : status === 404
              : access === 'sign-in'
                ? method === 'GET'
                  ? status === 302 && location.startsWith('/connexion?suite=')
                  : status === 401
                : status === 403;
        checked += 1;
        if (!ok) failures.push(`${method} ${url} as ${actor}: ${status} ${location} (matrix: ${access})`);
      }
    }
    assert.deepEqual(failures, []);
    const routes = registeredRoutes(desk.app).length;
    assert.equal(checked, (routes - 1) * ACCESS_ACTORS.length, 'every route but sign-out, every actor');
  });

  it('signing out: for the signed-in, a redirect to the sign-in page; for others, 401', async () => {
    for (const actor of ACCESS_ACTORS) {
      const visitor = visitors.get(actor) as Visitor;
      const signedIn = actor !== 'anonymous' && actor !== 'author';
      const { csrf } = await visitor.page(signedIn ? '/bureau' : '/connexion');
      const response = await visitor.post('/deconnexion', { _csrf: csrf });
      const access = accessOf(ruleFor('POST', '/deconnexion')!, actor);
      assert.equal(response.status, access === 'allowed' ? 303 : 401, actor);
    }
  });

  it('refuses, to everyone, a route that the matrix does not name', async () => {
    const app = await buildServer(desk.context);
    app.get('/bureau/oubliee', async () => 'secret');
    const response = await app.inject({ method: 'GET', url: '/bureau/oubliee' });
    assert.equal(response.statusCode, 403);
    assert.doesNotMatch(response.body, /secret/);
    await app.close();
  });
});

/** A second submission, accepted and sent its contract (a file on it); the contract file's id. */
async function seedSentContract(desk: RunningDesk, link: string): Promise<string> {
  const { record } = await seedSubmission(desk, {
    title: 'Une proposition acceptée',
    givenName: 'Clara',
    surname: 'Contrat',
    receivedAt: '2022-08-20T11:00:00Z',
    linkToken: link,
  });
  const version = await moveAlong(desk, record.id, record.version, ['send_to_review', 'accept']);
  const bytes = Buffer.from('%PDF-1.4\n% contrat\n');
  const stored = await desk.context.intake.files.put(bytes);
  const document = await desk.context.contractDocuments.add({
    submissionId: record.id,
    kind: 'contract',
    fileSha256: stored.sha256,
    fileName: 'contrat.pdf',
    byteSize: stored.byteSize,
    mediaType: 'application/pdf',
    addedBy: { kind: 'coordinator', id: null },
  });
  await moveAlong(desk, record.id, version, ['send_contract']);
  return document.id;
}

/** A third submission, in review, whose reader's annotated file was passed on; the file's id. */
async function seedSharedReviewFile(desk: RunningDesk, link: string, coordinatorId: string): Promise<string> {
  const { record } = await seedSubmission(desk, {
    title: 'Une proposition relue',
    givenName: 'Rémi',
    surname: 'Relu',
    receivedAt: '2022-08-20T12:00:00Z',
    linkToken: link,
  });
  await moveAlong(desk, record.id, record.version, ['send_to_review']);
  const bytes = (content: string) => desk.context.intake.files.put(Buffer.from(content));
  const original = await bytes('texte annoté');
  const copy = await bytes('texte annoté, sans nom');
  return desk.context.intake.uow.run(async (s) => {
    const review = await s.reviews.create({
      submissionId: record.id,
      versionNumber: 1,
      readerName: 'Rita Relectrice',
      readerEmail: 'rita@exemple.fr',
      dueOn: null,
      note: null,
      askedBy: coordinatorId,
      tokenHash: hashToken(randomBytes(32).toString('base64url')),
    });
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    await s.reviews.answer(review.id, ['invited'], 'submitted', {
      recommendation: 'revisions',
      forAuthors: 'À reprendre.',
      forCommittee: null,
    });
    const file = await s.reviewFiles.add({
      reviewId: review.id,
      submissionId: record.id,
      fileSha256: original.sha256,
      fileName: 'relu.docx',
      byteSize: original.byteSize,
      mediaType: docx,
      anonymised: { sha256: copy.sha256, byteSize: copy.byteSize, mediaType: docx },
    });
    await s.reviewFiles.share([review.id]);
    return file.id;
  });
}
