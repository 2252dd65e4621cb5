import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeUser, Grant, IssueApiToken } from '@ancrage/access';
import { ChangeBasin, RegisterAgency } from '@ancrage/territory';

const operator = { actor: 'test:operator', role: 'operator', correlationId: 'test-setup' };

/** Registers a user with grants through the real command handlers and returns an API token. */
export async function userWithToken(app: INestApplication, userId: string, grants: Grant[]): Promise<string> {
  const bus = app.get(CommandBus);
  await bus.execute(new ChangeUser(userId, { kind: 'register', userId, displayName: userId, email: null }, operator));
  for (const grant of grants) await bus.execute(new ChangeUser(userId, { kind: 'grant', grant }, operator));
  const issued = await bus.execute(new IssueApiToken(userId, 'test', null, operator));
  return issued.token;
}

/** The people the access matrix is written for: agency 75001 is in region 11, 13002 in 93. */
export const PERSONAS: Record<string, Grant[]> = {
  'manager-in': [{ role: 'manager', agencies: ['75001'] }],
  'manager-out': [{ role: 'manager', agencies: ['13002'] }],
  'director-in': [{ role: 'director', regions: ['11'] }],
  'director-out': [{ role: 'director', regions: ['93'] }],
  'director-national': [{ role: 'director', national: true }],
  auditor: [{ role: 'auditor' }],
  admin: [{ role: 'admin' }],
  'no-grants': [],
};

export async function personaTokens(app: INestApplication): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [name, grants] of Object.entries(PERSONAS)) tokens[name] = await userWithToken(app, name, grants);
  return tokens;
}

/**
 * Registers employment basins (code → the department they lie in, and a name) through the real handler, so
 * that agencies can be registered in them. A basin already registered is left as it is.
 */
export async function registerBasins(
  app: INestApplication,
  basins: Record<string, string | { department: string; name: string }>,
): Promise<void> {
  const bus = app.get(CommandBus);
  for (const [code, where] of Object.entries(basins)) {
    const { department, name } = typeof where === 'string' ? { department: where, name: `Zone d’emploi ${code}` } : where;
    const change = { kind: 'register' as const, name, departments: [department], registeredOn: '2009-01-01' };
    await bus.execute(new ChangeBasin(code, change, operator)).catch((e: unknown) => {
      if ((e as { code?: string }).code !== 'BASIN_EXISTS') throw e;
    });
  }
}

/** The two agencies the matrix is about, registered through the real handler. */
export async function registerMatrixAgencies(app: INestApplication): Promise<void> {
  const bus = app.get(CommandBus);
  await registerBasins(app, { '1109': '75', '9310': '13' });
  await bus.execute(
    new RegisterAgency(
      { safir: '75001', name: 'Paris 15e', region: '11', department: '75', employmentBasin: '1109', areaType: 'URBAN' },
      operator,
    ),
  );
  await bus.execute(
    new RegisterAgency(
      { safir: '13002', name: 'Marseille Joliette', region: '93', department: '13', employmentBasin: '9310', areaType: 'URBAN' },
      operator,
    ),
  );
}
