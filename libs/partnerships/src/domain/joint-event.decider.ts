import { dayOf, Decider, DomainError, factOn, latestFrenchDay, ServiceOffer } from '@ancrage/shared-kernel';
import type { JointEventEvent, JointEventKind, Outcomes } from './partnerships.events';

export interface JointEventState {
  planned: boolean;
  status: 'PLANNED' | 'HELD' | 'CANCELLED' | null;
  date: string | null;
  partnerIds: string[];
  plannedOn: string | null;
}

export type JointEventCommand =
  | {
      kind: 'plan';
      safir: string;
      jointEventId: string;
      eventKind: JointEventKind;
      date: string;
      title: string;
      partnerIds: string[];
      publics: string[];
      planActionId: string | null;
      services: ServiceOffer[];
      unknownPartners: string[];
      plannedOn?: string;
    }
  | { kind: 'hold'; safir: string; jointEventId: string; outcomes: Outcomes }
  | { kind: 'cancel'; safir: string; jointEventId: string; reason: string; cancelledOn?: string };

export const jointEventDecider: Decider<JointEventCommand, JointEventEvent, JointEventState> = {
  initialState: () => ({ planned: false, status: null, date: null, partnerIds: [], plannedOn: null }),
  evolve: (s, e) =>
    e.type === 'JointEventPlanned'
      ? { planned: true, status: 'PLANNED', date: e.data.date, partnerIds: e.data.partnerIds, plannedOn: dayOf(e.occurredAt) }
      : { ...s, status: e.type === 'JointEventHeld' ? 'HELD' : 'CANCELLED' },
  decide(c, s, { now }) {
    if (c.kind === 'plan') {
      if (s.planned)
        throw new DomainError('JOINT_EVENT_EXISTS', `joint event ${c.jointEventId} already exists`, 'conflict', 'jointEventId');
      if (c.unknownPartners.length)
        throw new DomainError('UNKNOWN_PARTNER', `no partner ${c.unknownPartners.join(', ')}`, 'rule', 'partnerIds');
      const { kind: _k, unknownPartners: _u, eventKind, plannedOn, ...rest } = c;
      // Planning is a fact of the day it is decided; the event's own day is in its data (the
      // calendar "as of" a date shows what was planned by then, even for later dates).
      // An event recorded after its day was planned by then at the latest.
      const planned = plannedOn ?? (c.date <= latestFrenchDay(now) ? c.date : undefined);
      return [{ type: 'JointEventPlanned', data: { ...rest, kind: eventKind }, ...factOn(planned, now, 'plannedOn') }];
    }
    if (!s.planned) throw new DomainError('JOINT_EVENT_NOT_FOUND', 'no such joint event', 'not_found');
    if (s.status !== 'PLANNED')
      throw new DomainError('JOINT_EVENT_CLOSED', `this joint event is already ${s.status!.toLowerCase()}`, 'rule');
    if (c.kind === 'cancel') {
      const dated = factOn(c.cancelledOn, now, 'cancelledOn', {
        notBefore: { day: s.plannedOn, code: 'DATE_BEFORE_PLANNING', why: 'the day the event was planned' },
      });
      return [{ type: 'JointEventCancelled', data: { safir: c.safir, jointEventId: c.jointEventId, reason: c.reason }, ...dated }];
    }
    if (s.date! > latestFrenchDay(now))
      throw new DomainError(
        'JOINT_EVENT_NOT_YET_HELD',
        `the event is planned on ${s.date}: its outcomes are recorded once it has taken place`,
        'rule',
      );
    const o = c.outcomes;
    for (const [field, v] of Object.entries(o)) {
      if (!Number.isInteger(v) || v < 0)
        throw new DomainError('INVALID_OUTCOME', `${field} must be a non-negative integer`, 'rule', `outcomes.${field}`);
    }
    if (o.hires > o.candidatesPresented)
      throw new DomainError('HIRES_EXCEED_CANDIDATES', 'hires cannot exceed the candidates presented', 'rule', 'outcomes.hires');
    // The date and partners travel with the outcome, so read models can count it per partner and month.
    return [
      {
        type: 'JointEventHeld',
        data: { safir: c.safir, jointEventId: c.jointEventId, date: s.date!, partnerIds: s.partnerIds, outcomes: o },
        occurredAt: `${s.date}T18:00:00.000Z`,
      },
    ];
  },
};
