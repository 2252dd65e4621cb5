import { userInfo } from 'node:os';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeUser, Grant, IssueApiToken } from '@ancrage/access';
import type { CommandContext } from '@ancrage/platform';
import { withContext } from '../runtime';

/** The CLI acts as the machine's operator: events record the OS user behind it. */
function operator(): CommandContext {
  return { actor: `cli:${userInfo().username}`, role: 'operator', correlationId: `cli-${Date.now().toString(36)}` };
}

/** `admin`, `auditor`, `manager:75001,75002`, `director:11,84` or `director:national`. */
export function parseGrant(text: string): Grant {
  const [role, scope] = text.split(':');
  const list = (scope ?? '').split(',').filter(Boolean);
  if (role === 'admin' || role === 'auditor') return { role };
  if (role === 'manager') return { role, agencies: list };
  if (role === 'director') return scope === 'national' ? { role, national: true } : { role, regions: list };
  throw new Error(`unknown grant "${text}": use admin, auditor, manager:SAFIR[,SAFIR] or director:REGION[,REGION]|national`);
}

export async function usersAdd(userId: string, options: { name: string; email?: string; grant?: string[] }): Promise<void> {
  const grants = (options.grant ?? []).map(parseGrant);
  await withContext(async (ctx) => {
    const bus = ctx.get(CommandBus);
    await bus.execute(
      new ChangeUser(userId, { kind: 'register', userId, displayName: options.name, email: options.email ?? null }, operator()),
    );
    for (const grant of grants) await bus.execute(new ChangeUser(userId, { kind: 'grant', grant }, operator()));
    console.log(`user ${userId} registered${grants.length ? ` with ${grants.map((g) => g.role).join(', ')}` : ''}`);
  });
}

export async function usersGrant(userId: string, grantText: string): Promise<void> {
  const grant = parseGrant(grantText);
  await withContext(async (ctx) => {
    await ctx.get(CommandBus).execute(new ChangeUser(userId, { kind: 'grant', grant }, operator()));
    console.log(`granted ${grantText} to ${userId}`);
  });
}

export async function usersDisable(userId: string, options: { reason: string }): Promise<void> {
  await withContext(async (ctx) => {
    await ctx.get(CommandBus).execute(new ChangeUser(userId, { kind: 'disable', reason: options.reason }, operator()));
    console.log(`disabled ${userId}`);
  });
}

export async function tokensIssue(options: { user: string; label: string; expiresInDays?: string }): Promise<void> {
  const days = options.expiresInDays ? Number(options.expiresInDays) : undefined;
  if (days !== undefined && (!Number.isInteger(days) || days < 1)) throw new Error('--expires-in-days must be a positive integer');
  const expiresAt = days ? new Date(Date.now() + days * 86_400_000).toISOString() : null;
  await withContext(async (ctx) => {
    const issued = await ctx.get(CommandBus).execute(new IssueApiToken(options.user, options.label, expiresAt, operator()));
    console.error(
      `token ${issued.tokenId} for ${options.user}${expiresAt ? `, expires ${expiresAt}` : ''} (shown once; only its hash is stored):`,
    );
    console.log(issued.token);
  });
}

export async function tokensRevoke(tokenId: string, options: { user: string }): Promise<void> {
  await withContext(async (ctx) => {
    await ctx.get(CommandBus).execute(new ChangeUser(options.user, { kind: 'revoke-token', tokenId }, operator()));
    console.log(`revoked token ${tokenId} of ${options.user}`);
  });
}
