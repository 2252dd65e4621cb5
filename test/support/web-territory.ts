import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { ChangePartner } from '@ancrage/partnerships';
import { RegisterAgency } from '@ancrage/territory';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { registerBasins, userWithToken } from './principals';

const operator = { actor: 'test:operator', role: 'operator', correlationId: 'web-setup' };

/** A small territory for the browser suites: two agencies of Hauts-de-France, three partners, one user per role. */
export async function webTerritory(app: INestApplication) {
  const bus = app.get(CommandBus);
  await registerBasins(app, {
    '3213': { department: '62', name: 'Berck – Montreuil' },
    '3203': { department: '62', name: 'Boulogne-sur-Mer' },
  });
  await bus.execute(
    new RegisterAgency(
      {
        safir: '62001',
        name: 'Berck-sur-Mer',
        region: '32',
        department: '62',
        employmentBasin: '3213',
        areaType: 'RURAL',
        openedOn: '2009-01-05',
      },
      operator,
    ),
  );
  await bus.execute(
    new RegisterAgency(
      {
        safir: '62002',
        name: 'Boulogne-sur-Mer',
        region: '32',
        department: '62',
        employmentBasin: '3203',
        areaType: 'URBAN',
        openedOn: '2009-01-05',
      },
      operator,
    ),
  );
  const partner = (partnerId: string, name: string, category: 'MISSION_LOCALE' | 'CAP_EMPLOI' | 'CONSEIL_DEPARTEMENTAL') =>
    bus.execute(
      new ChangePartner(
        partnerId,
        { kind: 'register', partnerId, name, category, subkind: null, siret: null, scale: 'LOCAL', parentPartnerId: null },
        operator,
      ),
    );
  await partner('ml-berck', 'Mission locale du Montreuillois', 'MISSION_LOCALE');
  await partner('cap-62', 'Cap emploi Pas-de-Calais', 'CAP_EMPLOI');
  await partner('cd-62', 'Conseil départemental du Pas-de-Calais', 'CONSEIL_DEPARTEMENTAL');
  const tokens = {
    manager: await userWithToken(app, 'claire-martin', [{ role: 'manager', agencies: ['62001'] }]),
    director: await userWithToken(app, 'direction-hdf', [{ role: 'director', regions: ['32'] }]),
    auditor: await userWithToken(app, 'audrey-controle', [{ role: 'auditor' }]),
    admin: await userWithToken(app, 'admin', [{ role: 'admin' }]),
  };
  const store = app.get<EventStore>(EVENT_STORE);
  const server = app.getHttpServer();
  return {
    tokens,
    head: () => store.headPosition(),
    /** Types of the events recorded after a position (read as the auditor, over HTTP). */
    typesAfter: async (position: number) => {
      const res = await request(server)
        .get(`/audit/events?after=${position}&limit=50`)
        .set('authorization', `Bearer ${tokens.auditor}`)
        .expect(200);
      return (res.body.items as { type: string; data: Record<string, unknown> }[]).map((e) => e.type);
    },
    eventsAfter: async (position: number) => {
      const res = await request(server)
        .get(`/audit/events?after=${position}&limit=50`)
        .set('authorization', `Bearer ${tokens.auditor}`)
        .expect(200);
      return res.body.items as { type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }[];
    },
    /** Records through the API as a user, as the page would. */
    post: (path: string, who: keyof typeof tokens, body: object) =>
      request(server)
        .post(path)
        .set('authorization', `Bearer ${tokens[who]}`)
        .send(body)
        .expect(201)
        .then((r) => r.body),
    put: (path: string, who: keyof typeof tokens, body: object) =>
      request(server)
        .put(path)
        .set('authorization', `Bearer ${tokens[who]}`)
        .send(body)
        .expect(200)
        .then((r) => r.body),
  };
}
