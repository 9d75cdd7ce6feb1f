import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ImapFlow } from 'imapflow';

/**
 * A private Dovecot for the IMAP tests: its own config, users, mail and logs in a temp folder,
 * listening on 127.0.0.1 on a free port, no system service touched. Dovecot comes from Debian's
 * `dovecot-imapd` package. As root, Dovecot insists on unprivileged users for its own processes
 * (the package's `dovenull` and `dovecot`) and the mail belongs to `dovecot`; as any other user,
 * everything runs as that user.
 */
export interface ImapServer {
  host: string;
  port: number;
  user: string;
  password: string;
  dir: string;
  log(): Promise<string>;
  stop(): Promise<void>;
}

export const INSTALL_HINT =
  'Dovecot is not installed: the IMAP tests need it. Install it with `sudo apt-get install -y dovecot-imapd` (Debian/Ubuntu).';

export function findDovecot(): string | null {
  for (const path of ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot']) if (existsSync(path)) return path;
  return null;
}

/**
 * Whether Dovecot is here for the tests of `what`. Without it they fail under CI (.ci/run installs
 * it: a green run must have talked to a real IMAP server) and are skipped, loudly, elsewhere.
 */
export function dovecotAvailable(what: string): boolean {
  if (findDovecot() !== null) return true;
  if (process.env.CI === 'true') {
    describe(`${what} (Dovecot)`, () => {
      it('needs Dovecot', () => assert.fail(INSTALL_HINT));
    });
  } else {
    console.warn(`\n⚠ SKIPPED: ${what} against Dovecot. ${INSTALL_HINT}\n`);
  }
  return false;
}

function systemUser(name: string): { uid: number; gid: number } | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : null;
}

function groupName(gid: number): string | null {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((l) => l.split(':')[2] === String(gid));
  return line?.split(':')[0] ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function greeting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('* OK')));
    socket.once('error', () => done(false));
  });
}

export async function startImapServer(): Promise<ImapServer> {
  const binary = findDovecot();
  if (!binary) throw new Error(INSTALL_HINT);
  const dir = await mkdtemp(join(tmpdir(), 'appel-dovecot-'));
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const mailOwner = root ? systemUser('dovecot') : { uid: me.uid, gid: me.gid };
  if (!mailOwner || (root && !systemUser('dovenull'))) {
    throw new Error('The dovecot and dovenull users are missing: reinstall dovecot-imapd.');
  }
  for (const sub of ['run', 'state', 'mail']) await mkdir(join(dir, sub));
  if (root) {
    // The mail processes run as `dovecot`: they must reach their folder through the temp folder.
    await chmod(dir, 0o755);
    await chown(join(dir, 'mail'), mailOwner.uid, mailOwner.gid);
  }
  const port = await freePort();
  const user = 'auteur';
  const password = 'mot-de-passe-de-test';
  await writeFile(
    join(dir, 'passwd'),
    `${user}:{PLAIN}${password}:${mailOwner.uid}:${mailOwner.gid}::${join(dir, 'mail', user)}::\n`,
  );
  const internalUser = root ? 'dovecot' : me.username;
  // Dovecot gives its sockets to this group: a user who is not root can only use their own.
  const internalGroup = root ? 'dovecot' : (groupName(me.gid) ?? String(me.gid));
  const loginUser = root ? 'dovenull' : me.username;
  // Without root there is no chroot; with it, Dovecot's defaults (chrooted login) stay.
  const noChroot = root ? '' : 'chroot =';
  const config = `
protocols = imap
listen = 127.0.0.1
base_dir = ${join(dir, 'run')}
state_dir = ${join(dir, 'state')}
instance_name = appel-test-${process.pid}
log_path = ${join(dir, 'dovecot.log')}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${internalUser}
default_internal_group = ${internalGroup}
default_login_user = ${loginUser}
first_valid_uid = 0
first_valid_gid = 0
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${join(dir, 'passwd')}
}
userdb {
  driver = passwd-file
  args = username_format=%u ${join(dir, 'passwd')}
}
service imap-login {
  ${noChroot}
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  ${noChroot}
}
`;
  const configPath = join(dir, 'dovecot.conf');
  await writeFile(configPath, config);
  const child: ChildProcess = spawn(binary, ['-F', '-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exit.then(() => {
    exited = true;
  });
  const log = () => readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]);
      if (!exited) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (exited) break;
    if (await greeting(port)) return { host: '127.0.0.1', port, user, password, dir, log, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  const why = `${output}\n${await log()}`;
  await stop();
  throw new Error(`Dovecot did not start:\n${why}`);
}

/** A client of the test server (plain IMAP on 127.0.0.1, no TLS), as a mail program would connect. */
export function imapClient(server: ImapServer): ImapFlow {
  return new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: server.user, pass: server.password },
    logger: false,
  });
}
