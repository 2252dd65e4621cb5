import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alive } from '@ancrage/database';

/** What a running `ancrage serve` writes beside its embedded data, so CLI commands can name it. */
export interface ServerState {
  pid: number;
  url: string;
  databasePort: number;
  startedAt: string;
}

const file = (dataDir: string) => join(dataDir, 'server.json');

/** The state of the server of this data directory, if its process is alive. */
export function readServerState(dataDir: string): ServerState | null {
  try {
    const state = JSON.parse(readFileSync(file(dataDir), 'utf8')) as ServerState;
    return Number.isInteger(state.pid) && alive(state.pid) ? state : null;
  } catch {
    return null;
  }
}

export function writeServerState(dataDir: string, state: ServerState): void {
  writeFileSync(file(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}

export function clearServerState(dataDir: string): void {
  const state = readServerState(dataDir);
  if (!state || state.pid === process.pid) rmSync(file(dataDir), { force: true });
}
