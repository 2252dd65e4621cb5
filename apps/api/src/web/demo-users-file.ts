import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A demo user offered on the sign-in page, with a token issued when the demo was loaded. */
export interface DemoUserToken {
  userId: string;
  role: string;
  scope: string;
  token: string;
}

/**
 * The demo users' tokens, kept beside the embedded database so the web page can offer them on its
 * sign-in page. Written only for the embedded store: a real deployment never has such a file.
 */
export const demoUsersFile = (dataDir: string) => join(dataDir, 'demo-users.json');

export function writeDemoUsers(dataDir: string, users: DemoUserToken[]): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(demoUsersFile(dataDir), JSON.stringify(users, null, 2), { mode: 0o600 });
}

export function readDemoUsers(dataDir: string): DemoUserToken[] {
  const file = demoUsersFile(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoUserToken[]) : [];
}
