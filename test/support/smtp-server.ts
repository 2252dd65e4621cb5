import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';

export interface SmtpServer {
  port: number;
  /** Every message the server accepted, parsed (MIME parts, headers, recipients). */
  messages(): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

/** Debian's python3 (the pyenv shim of this machine has no aiosmtpd). */
const PYTHON = '/usr/bin/python3';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const c = createConnection({ port, host: '127.0.0.1' }, () => {
      c.end();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });

/**
 * A real SMTP server on loopback: aiosmtpd (Debian's python3-aiosmtpd, which .ci/run installs),
 * storing what it accepts in a Maildir that the test reads back.
 */
export async function startSmtpServer(): Promise<SmtpServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ancrage-smtp-'));
  const maildir = join(dir, 'mail');
  const child: ChildProcess = spawn(
    PYTHON,
    ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  for (let i = 0; !(await accepts(port)); i++) {
    if (i > 100 || child.exitCode !== null) throw new Error(`aiosmtpd did not start (is python3-aiosmtpd installed?): ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    async messages() {
      const folder = join(maildir, 'new');
      const files = existsSync(folder) ? readdirSync(folder).sort() : [];
      return Promise.all(files.map((f) => simpleParser(readFileSync(join(folder, f)))));
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
