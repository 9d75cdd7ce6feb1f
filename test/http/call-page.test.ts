import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type RunningDesk, startDesk } from '../helpers/http-server.js';

let desk: RunningDesk;
before(async () => {
  desk = await startDesk();
});
after(() => desk.close());

test('the call page says what the call is about, its rules, and that it is closed (1 September 2022)', async () => {
  const response = await fetch(`${desk.url}/`);
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /<html lang="fr">/);
  assert.match(html, /Impacts du numérique en travail social/);
  assert.match(html, /L’appel est clos depuis le jeudi 1er septembre 2022/);
  assert.match(html, /entre 5\u202f000 et 30\u202f000 signes/);
  assert.doesNotMatch(html, /Proposer un article/);
});

test('the page exists in English', async () => {
  const html = await (await fetch(`${desk.url}/?lang=en`)).text();
  assert.match(html, /<html lang="en">/);
  assert.match(html, /The call closed on/);
});

test('security headers: a CSP without inline script, no framing, no sniffing', async () => {
  const response = await fetch(`${desk.url}/`);
  const csp = response.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
});

test('an unknown page is a French 404 that says where to go', async () => {
  const response = await fetch(`${desk.url}/nulle-part`);
  assert.equal(response.status, 404);
  assert.match(await response.text(), /Cette page n’existe pas/);
});

test('a POST from another origin is refused', async () => {
  const response = await fetch(`${desk.url}/`, {
    method: 'POST',
    headers: { origin: 'https://evil.example' },
  });
  assert.equal(response.status, 403);
});

test('a POST with « Origin: null » is refused with 403, not a crash', async () => {
  const response = await fetch(`${desk.url}/`, { method: 'POST', headers: { origin: 'null' } });
  assert.equal(response.status, 403);
});

test('the referrer policy is same-origin, so browsers send our own Origin on our forms', async () => {
  const response = await fetch(`${desk.url}/`);
  assert.equal(response.headers.get('referrer-policy'), 'same-origin');
});
