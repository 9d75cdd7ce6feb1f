import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import * as OTPAuth from 'otpauth';
import { argon2Hasher } from '../../src/adapters/http/auth/argon2-hasher.js';
import { activateAccount } from '../../src/app/accounts/activate-account.js';
import { accountCommand } from '../../src/cli/account-command.js';
import { demoCommand } from '../../src/cli/demo-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { serveDesk } from '../../src/cli/serve-command.js';
import { openContext } from '../../src/main/context.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    setExitCode: (c) => {
      code = Math.max(code, c);
    },
  };
  return { io, out, err, exitCode: () => code };
}

async function bootstrap(data: string, extra: string[] = []) {
  const c = capture();
  await accountCommand(c.io, { APPEL_DATA: data }).parseAsync(['bootstrap', '--data', data, ...extra], {
    from: 'user',
  });
  return c;
}

const LINK = /http:\/\/127\.0\.0\.1:8081\/compte\/activation\/([A-Za-z0-9_-]{43})/;

describe('appel account bootstrap', () => {
  const root = mkdtempSync(join(tmpdir(), 'appel-accounts-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('makes the call’s first coordinator the first administrator and prints a one-time link, French then English', async () => {
    const data = join(root, 'premier');
    const c = await bootstrap(data);
    assert.equal(c.exitCode(), 0);
    const text = c.out.join('\n');
    assert.match(
      text,
      /^Premier compte administrateur : Alexis Mombelet <[^>]+>\nLien à usage unique, valable jusqu’au /,
    );
    assert.match(text, LINK);
    assert.match(text, /First administrator account: Alexis Mombelet/);
  });

  it('gives a new link while the first was not used, and refuses once an administrator can sign in', async () => {
    const data = join(root, 'second');
    const first = LINK.exec(
      (await bootstrap(data, ['--email', 'Ada@Exemple.fr', '--name', 'Ada'])).out.join('\n'),
    )?.[1];
    const second = LINK.exec((await bootstrap(data, ['--email', 'ada@exemple.fr'])).out.join('\n'))?.[1];
    assert.ok(first && second && first !== second);
    const context = await openContext({ data, env: { APPEL_DATA: data } });
    try {
      const account = await context.accounts.findByEmail('ada@exemple.fr');
      assert.ok(account?.totpSecret);
      const deps = { accounts: context.accounts, hasher: argon2Hasher(), now: () => new Date() };
      const code = OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(account.totpSecret) });
      const form = {
        password: 'une phrase de passe assez longue',
        passwordAgain: 'une phrase de passe assez longue',
        code,
      };
      assert.deepEqual(await activateAccount(first, form, deps, 'test'), {
        ok: false,
        reason: 'link-invalid',
      });
      assert.equal((await activateAccount(second, form, deps, 'test')).ok, true);
    } finally {
      await context.close();
    }
    const refused = await bootstrap(data);
    assert.equal(refused.exitCode(), 1);
    assert.match(refused.err.join('\n'), /Un administrateur peut déjà se connecter/);
  });

  it('refuses an address that is not one', async () => {
    const c = await bootstrap(join(root, 'invalide'), ['--email', 'pas-une-adresse']);
    assert.equal(c.exitCode(), 1);
    assert.match(c.err.join('\n'), /--email prenom\.nom@exemple\.fr/);
  });
});

describe('appel serve and npm start print the first link while nobody can sign in', () => {
  const root = mkdtempSync(join(tmpdir(), 'appel-serve-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  /** Runs `run` until its output shows the desk's address and `until`, then stops it. */
  async function served(run: (io: CliIo, signal: AbortSignal) => Promise<void>, until: RegExp) {
    const c = capture();
    const stop = new AbortController();
    const done = run(c.io, stop.signal);
    for (let i = 0; i < 600 && !until.test(c.out.join('\n')); i += 1)
      await new Promise((r) => setTimeout(r, 50));
    const text = c.out.join('\n');
    const address = /call desk: (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
    const answer = address ? await fetch(`${address}/connexion`) : null;
    stop.abort();
    await done;
    return { text, answer };
  }

  it('serve: the address, then the link, and the desk answers', async () => {
    const data = join(root, 'serve');
    const context = await openContext({ data, env: { APPEL_DATA: data } });
    try {
      const { text, answer } = await served(
        (io, signal) =>
          serveDesk(io, context, { port: 0, host: '127.0.0.1', worker: false, env: {}, signal }),
        /compte\/activation/,
      );
      assert.match(text, /Bureau de l’appel \/ call desk: http:\/\/127\.0\.0\.1:\d+/);
      assert.match(text, /Premier compte administrateur : Alexis Mombelet/);
      assert.match(text, /http:\/\/127\.0\.0\.1:\d+\/compte\/activation\/[A-Za-z0-9_-]{43}/);
      assert.equal(answer?.status, 200);
    } finally {
      await context.close();
    }
  });

  it('npm start (appel demo): imports the demo mailbox, then serves the desk with the link; --no-serve stops after the import', async () => {
    const data = join(root, 'demo');
    const { text, answer } = await served(async (io, signal) => {
      await demoCommand(io, { APPEL_DATA: data }, signal).parseAsync(['--data', data, '--port', '0'], {
        from: 'user',
      });
    }, /compte\/activation/);
    assert.match(text, /2\. appel mail import/);
    assert.match(text, /5\. appel serve/);
    assert.match(text, /Premier compte administrateur : Alexis Mombelet/);
    assert.equal(answer?.status, 200);

    const c = capture();
    await demoCommand(c.io, { APPEL_DATA: data }).parseAsync(['--data', data, '--no-serve'], {
      from: 'user',
    });
    assert.doesNotMatch(c.out.join('\n'), /appel serve/);
  });
});
