import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@ancrage/database';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/apps/cli/src/main.js');

/**
 * Boots the built app exactly as `npm start` does, with no DATABASE_URL: it must start an embedded
 * PostgreSQL, migrate, load the demo into the empty store, serve the web page with the demo users,
 * and stop everything cleanly on SIGTERM.
 */
describe('npm start on a machine with nothing configured', () => {
  it('starts embedded PostgreSQL, loads the demo, serves the web page, and shuts down cleanly', async () => {
    expect(existsSync(CLI)).toBe(true); // npm test builds first
    const dataDir = mkdtempSync(join(tmpdir(), 'ancrage-smoke-'));
    chmodSync(dataDir, 0o755);
    const [port, pgPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      ANCRAGE_EMBEDDED_PG_PORT: String(pgPort),
      ANCRAGE_DATA_DIR: dataDir,
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [CLI, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      let health: { status: string; embeddedDatabase: boolean } | undefined;
      for (let i = 0; i < 240 && !health; i++) {
        await new Promise((r) => setTimeout(r, 500));
        health = await fetch(`http://127.0.0.1:${port}/health`)
          .then((r) => (r.ok ? (r.json() as Promise<{ status: string; embeddedDatabase: boolean }>) : undefined))
          .catch(() => undefined);
      }
      expect(health).toMatchObject({ status: 'ok', embeddedDatabase: true });
      const lines = output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
      expect(lines).toContainEqual(expect.objectContaining({ msg: 'Ancrage is listening' }));
      expect(lines).toContainEqual(
        expect.objectContaining({ msg: 'demo loaded: open the web page and sign in as a demo user', agencies: 38 }),
      );
      const page = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
      expect(page).toContain('<title>Ancrage');
      // A page of the application opened from a bookmark: the browser gets the page, not a 404.
      const deep = await fetch(`http://127.0.0.1:${port}/agence/62001/fonds?annee=2018`, {
        headers: { accept: 'text/html,application/xhtml+xml' },
      });
      expect(await deep.text()).toContain('<title>Ancrage');
      const users = (await fetch(`http://127.0.0.1:${port}/demo/users`).then((r) => r.json())) as { role: string; token: string }[];
      expect(users.map((u) => u.role).sort()).toEqual(['admin', 'auditor', 'director', 'director', 'manager']);
      const director = users.find((u) => u.role === 'director')!;
      const profiles = (await fetch(`http://127.0.0.1:${port}/anchoring-profiles?year=2018&consistentWith=1`, {
        headers: { authorization: `Bearer ${director.token}` },
      }).then((r) => r.json())) as { total: number };
      expect(profiles.total).toBe(38);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"stopped"');
      // The embedded server is gone: its port refuses connections.
      const client = new Client({ host: '127.0.0.1', port: pgPort, user: 'ancrage', password: 'ancrage', database: 'ancrage' });
      await expect(client.connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
