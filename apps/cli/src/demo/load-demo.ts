import { CommandBus } from '@nestjs/cqrs';
import { ChangeUser, IssueApiToken } from '@ancrage/access';
import type { DemoUserToken } from '@ancrage/api';
import type { CommandContext } from '@ancrage/platform';
import { DemoStep, demoHistory, demoUsers, REGISTER_DATE } from './demo-history';

export interface DemoOptions {
  seed: number;
  scale: number;
  /** Lanes run side by side within a day. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoResult {
  commands: number;
  agencies: number;
  /** One user per role with a fresh token (only hashes are stored, so tokens are issued anew each run). */
  users: DemoUserToken[];
}

/**
 * Replays the demo timeline day by day through the command bus, with the clock set to each day so
 * every event carries the date it happened. Each step has an idempotency key derived from the seed
 * and its rank: a run interrupted half-way and started again records each step once.
 */
export async function loadDemo(bus: CommandBus, setClock: (now: Date | null) => void, options: DemoOptions): Promise<DemoResult> {
  const { steps, agencies } = demoHistory(options);
  const users = demoUsers(agencies);
  const userSteps: DemoStep[] = users.flatMap((u) => [
    {
      date: REGISTER_DATE,
      lane: 'users',
      actor: { id: 'demo-admin', role: 'admin' },
      build: (ctx) => new ChangeUser(u.userId, { kind: 'register', userId: u.userId, displayName: u.displayName, email: null }, ctx),
    },
    {
      date: REGISTER_DATE,
      lane: 'users',
      actor: { id: 'demo-admin', role: 'admin' },
      build: (ctx) => new ChangeUser(u.userId, { kind: 'grant', grant: u.grant }, ctx),
    },
  ]);
  const timeline = [...userSteps, ...steps];
  const byDate = new Map<string, { step: DemoStep; rank: number }[]>();
  timeline.forEach((step, rank) => byDate.set(step.date, [...(byDate.get(step.date) ?? []), { step, rank }]));
  const concurrency = options.concurrency ?? 8;
  let done = 0;

  const run = async ({ step, rank }: { step: DemoStep; rank: number }) => {
    const context: CommandContext = {
      actor: step.actor.id,
      role: step.actor.role,
      correlationId: `demo-${options.seed}-${rank}`,
      idempotencyKey: `demo-${options.seed}-${options.scale}-${rank}`,
    };
    const command = step.build(context);
    try {
      await bus.execute(command);
    } catch (error) {
      throw new Error(`demo step ${rank} (${step.date}, ${step.lane}, ${command.constructor.name}) failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    options.onProgress?.(++done, timeline.length);
  };

  for (const date of [...byDate.keys()].sort()) {
    setClock(new Date(`${date}T10:00:00.000Z`));
    const lanes = new Map<string, { step: DemoStep; rank: number }[]>();
    for (const item of byDate.get(date)!) lanes.set(item.step.lane, [...(lanes.get(item.step.lane) ?? []), item]);
    // Shared registers first: agencies' steps of the day refer to them, and a grant names registered agencies.
    for (const shared of ['register', 'users']) {
      for (const item of lanes.get(shared) ?? []) await run(item);
      lanes.delete(shared);
    }
    const queue = [...lanes.values()];
    await Promise.all(
      Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let lane = queue.shift(); lane; lane = queue.shift()) for (const item of lane) await run(item);
      }),
    );
  }

  // Tokens, and whatever runs after the demo, live in real time again.
  setClock(null);
  const shown = [
    // The scope is shown on the sign-in page, in French.
    { userId: 'demo-admin', role: 'admin', scope: 'tout le réseau' },
    { userId: 'demo-auditor', role: 'auditor', scope: 'lecture seule et outils de contrôle' },
    { userId: 'demo-director-national', role: 'director', scope: 'national' },
    { userId: 'director-32', role: 'director', scope: 'région Hauts-de-France (32)' },
    { userId: 'manager-62001', role: 'manager', scope: 'agence de Berck-sur-Mer (62001)' },
  ];
  const operator: CommandContext = { actor: 'demo-admin', role: 'admin', correlationId: `demo-${options.seed}-tokens` };
  const tokens: DemoUserToken[] = [];
  for (const u of shown) {
    const issued = await bus.execute(new IssueApiToken(u.userId, 'demo', null, operator));
    tokens.push({ ...u, token: issued.token });
  }
  return { commands: timeline.length, agencies: agencies.length, users: tokens };
}
