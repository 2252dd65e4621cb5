import type { RecordedEvent } from '@ancrage/event-store';
import { defineProjection, RowAccess } from '@ancrage/projections';
import { CATEGORIES, PartnerCategory, PartnershipEvent, JointEventEvent } from '@ancrage/partnerships';
import { classifyContext, TerritoryEvent } from '@ancrage/territory';
import type { DiagnosticEvent } from '@ancrage/diagnostics';
import type { FundEvent } from '@ancrage/fund';
import type { ActionPlanEvent } from '@ancrage/action-plans';
import type { InstanceEvent } from '@ancrage/instances';
import {
  AnchoringAgencyRow,
  AnchoringJointEventRow,
  AnchoringPartnerRow,
  AnchoringPartnershipRow,
  AnchoringStrongRow,
  AnchoringYearRow,
} from './anchoring.entities';
import { strongSpans } from './strong-spans';

export type AnchoringTables = {
  agencies: AnchoringAgencyRow;
  partners: AnchoringPartnerRow;
  partnerships: AnchoringPartnershipRow;
  jointEvents: AnchoringJointEventRow;
  years: AnchoringYearRow;
  strong: AnchoringStrongRow;
};

type AnyEvent =
  | TerritoryEvent
  | PartnershipEvent
  | JointEventEvent
  | DiagnosticEvent
  | FundEvent
  | ActionPlanEvent
  | InstanceEvent
  | { type: 'PartnerRegistered'; data: { partnerId: string; category: PartnerCategory } };

const PARTNERSHIP_TYPES = [
  'AgreementSigned',
  'AgreementAmended',
  'AgreementRenewed',
  'AgreementTerminated',
  'PriorityCircleAssigned',
  'QualityAssessed',
];
const JOINT_EVENT_TYPES = ['JointEventPlanned', 'JointEventHeld', 'JointEventCancelled'];
const PROSPECTING = 'EMPLOYER_PROSPECTING_AND_PROFILE_PROMOTION';

/** fund-{safir}-{year}, action-plan-{safir}-{year}: the stream says which agency-year. */
function agencyYear(streamId: string): { safir: string; year: number } {
  const m = /-([^-]+)-(\d{4})$/.exec(streamId);
  return { safir: m?.[1] ?? '', year: Number(m?.[2] ?? 0) };
}

const emptyYear = (key: { safir: string; year: number }): AnchoringYearRow => ({
  ...key,
  diagnosticCoConstructed: false,
  commitments: {},
  prospectingActions: {},
  netCommittedCents: 0,
  targetedNetCents: 0,
  prospectingActionsKept: 0,
  instanceMeetings: 0,
  instanceMeetingsAttended: 0,
});

const SPECIFIC_OR_INNOVATIVE = new Set(['SPECIFIC_PUBLIC_ACTION', 'INNOVATIVE_PROJECT']);

/** The figures the profile reads, from the year's maps. */
function figures(y: Pick<AnchoringYearRow, 'commitments' | 'prospectingActions'>) {
  let net = 0;
  let targeted = 0;
  for (const c of Object.values(y.commitments)) {
    const n = Math.max(0, c.amountCents - c.releasedCents);
    net += n;
    if (SPECIFIC_OR_INNOVATIVE.has(c.category)) targeted += n;
  }
  const kept = Object.values(y.prospectingActions).filter((a) => !a.abandoned).length;
  return { netCommittedCents: net, targetedNetCents: targeted, prospectingActionsKept: kept };
}

function updateYear(
  rows: RowAccess<AnchoringTables>,
  key: { safir: string; year: number },
  change: (y: AnchoringYearRow) => Partial<AnchoringYearRow>,
) {
  const y = rows.get('years', key) ?? emptyYear(key);
  const next = { ...y, ...change(y) };
  rows.put('years', { ...next, ...figures(next) });
}

/**
 * The indicators behind each agency's anchoring configuration (graphique 4), kept as facts with
 * their dates so any year and any reference date can be placed by `anchoringReport`. Not
 * agency-scoped: a partnership's default circle comes from the shared partner register.
 */
export const anchoringProjection = defineProjection<AnchoringTables>({
  name: 'anchoring',
  // 2: only joint events held count as initiated. 3: strong partnerships' spans per agency, a year's figures.
  // 4: attendance at the meetings of local instances.
  version: 4,
  agencyScoped: false,
  eventTypes: [
    'AgencyRegistered',
    'TerritorialContextRevised',
    'PartnerRegistered',
    ...PARTNERSHIP_TYPES,
    ...JOINT_EVENT_TYPES,
    'DiagnosticParticipationRecorded',
    'ExpenditureCommitted',
    'CommitmentReleased',
    'ActionAdded',
    'ActionStatusChanged',
    'InstanceMeetingRecorded',
  ],
  tables: {
    agencies: { entity: AnchoringAgencyRow, key: ['safir'], stable: ['region'], indexes: [['region']] },
    partners: { entity: AnchoringPartnerRow, key: ['partnerId'] },
    partnerships: { entity: AnchoringPartnershipRow, key: ['safir', 'partnerId'] },
    jointEvents: { entity: AnchoringJointEventRow, key: ['safir', 'jointEventId'] },
    years: { entity: AnchoringYearRow, key: ['safir', 'year'], indexes: [['year']] },
    strong: { entity: AnchoringStrongRow, key: ['safir'], pastRead: 'probe' },
  },
  touches(e) {
    const d = e.data as { safir?: string; partnerId?: string; jointEventId?: string; year?: number };
    if (e.type === 'AgencyRegistered' || e.type === 'TerritorialContextRevised') return [{ table: 'agencies', key: { safir: d.safir } }];
    if (e.type === 'PartnerRegistered') return [{ table: 'partners', key: { partnerId: d.partnerId } }];
    if (PARTNERSHIP_TYPES.includes(e.type))
      return [
        { table: 'partnerships', key: { safir: d.safir, partnerId: d.partnerId } },
        // The default circle comes from the register; the agency's spans follow the partnership.
        { table: 'partners', key: { partnerId: d.partnerId } },
        { table: 'strong', key: { safir: d.safir } },
      ];
    if (JOINT_EVENT_TYPES.includes(e.type)) return [{ table: 'jointEvents', key: { safir: d.safir, jointEventId: d.jointEventId } }];
    if (e.type === 'DiagnosticParticipationRecorded') return [{ table: 'years', key: { safir: d.safir, year: d.year } }];
    if (e.type === 'InstanceMeetingRecorded') {
      const { safir, date } = e.data as { safir: string; date: string };
      return [{ table: 'years', key: { safir, year: Number(date.slice(0, 4)) } }];
    }
    return [{ table: 'years', key: agencyYear(e.streamId) }];
  },
  apply(e: RecordedEvent, rows) {
    const event = { type: e.type, data: e.data } as AnyEvent;
    switch (event.type) {
      case 'AgencyRegistered': {
        const { safir, name, region, employmentBasin } = event.data;
        return rows.put('agencies', { safir, name, region, employmentBasin, contexts: rows.get('agencies', { safir })?.contexts ?? [] });
      }
      case 'TerritorialContextRevised': {
        const a = rows.get('agencies', { safir: event.data.safir });
        if (!a) return;
        const c = classifyContext(event.data.figures);
        const contexts = [
          ...a.contexts.filter((x) => x.effectiveDate !== event.data.effectiveDate),
          { effectiveDate: event.data.effectiveDate, class: c.class, score: c.score },
        ];
        return rows.put('agencies', { ...a, contexts: contexts.sort((x, y) => x.effectiveDate.localeCompare(y.effectiveDate)) });
      }
      case 'PartnerRegistered':
        return rows.put('partners', { partnerId: event.data.partnerId, defaultCircle: CATEGORIES[event.data.category]?.circle ?? 3 });
      case 'JointEventPlanned':
        return rows.put('jointEvents', {
          safir: event.data.safir,
          jointEventId: event.data.jointEventId,
          date: event.data.date,
          cancelled: false,
          held: false,
        });
      case 'JointEventHeld': {
        const j = rows.get('jointEvents', { safir: event.data.safir, jointEventId: event.data.jointEventId });
        return j && rows.put('jointEvents', { ...j, held: true });
      }
      case 'JointEventCancelled': {
        const j = rows.get('jointEvents', { safir: event.data.safir, jointEventId: event.data.jointEventId });
        return j && rows.put('jointEvents', { ...j, cancelled: true });
      }
      case 'DiagnosticParticipationRecorded':
        return updateYear(rows, { safir: event.data.safir, year: event.data.year }, () => ({
          diagnosticCoConstructed: event.data.partners.some((p) => p.involvement === 'CO_CONSTRUCTED'),
        }));
      case 'ExpenditureCommitted': {
        const { commitmentId, category, amountCents } = event.data;
        return updateYear(rows, agencyYear(e.streamId), (y) => ({
          commitments: { ...y.commitments, [commitmentId]: { category, amountCents, releasedCents: 0 } },
        }));
      }
      case 'CommitmentReleased':
        return updateYear(rows, agencyYear(e.streamId), (y) => {
          // Own keys only: a commitment id is the client's choice (`constructor` included).
          const c = Object.hasOwn(y.commitments, event.data.commitmentId) ? y.commitments[event.data.commitmentId] : undefined;
          return c
            ? {
                commitments: {
                  ...y.commitments,
                  [event.data.commitmentId]: { ...c, releasedCents: c.releasedCents + event.data.releasedCents },
                },
              }
            : {};
        });
      case 'ActionAdded':
        if (event.data.lever !== PROSPECTING) return;
        return updateYear(rows, agencyYear(e.streamId), (y) => ({
          prospectingActions: { ...y.prospectingActions, [event.data.actionId]: { abandoned: false } },
        }));
      case 'InstanceMeetingRecorded':
        // A meeting is recorded once (the instance's decider refuses a second with its id).
        return updateYear(rows, { safir: event.data.safir, year: Number(event.data.date.slice(0, 4)) }, (y) => ({
          instanceMeetings: y.instanceMeetings + 1,
          instanceMeetingsAttended: y.instanceMeetingsAttended + (event.data.attended ? 1 : 0),
        }));
      case 'ActionStatusChanged':
        return updateYear(rows, agencyYear(e.streamId), (y) =>
          Object.hasOwn(y.prospectingActions, event.data.actionId)
            ? { prospectingActions: { ...y.prospectingActions, [event.data.actionId]: { abandoned: event.data.status === 'ABANDONED' } } }
            : {},
        );
      default:
        applyPartnership(event as PartnershipEvent, rows);
        return updateSpans(event as PartnershipEvent, rows);
    }
  },
});

/** Keeps the agency's strong spans in step with the partnership just folded. */
function updateSpans(event: PartnershipEvent, rows: RowAccess<AnchoringTables>): void {
  const { safir, partnerId } = event.data;
  const p = rows.get('partnerships', { safir, partnerId });
  if (!p) return;
  const spans = strongSpans(p, p.circle ?? rows.get('partners', { partnerId })?.defaultCircle ?? 3);
  const row = rows.get('strong', { safir }) ?? { safir, spans: {} };
  const had = Object.hasOwn(row.spans, partnerId) ? row.spans[partnerId] : [];
  if (JSON.stringify(had) === JSON.stringify(spans)) return;
  // Partners that no longer count leave the row.
  const next = Object.fromEntries(Object.entries(row.spans).filter(([id]) => id !== partnerId));
  if (spans.length) next[partnerId] = spans;
  rows.put('strong', { safir, spans: next });
}

function applyPartnership(event: PartnershipEvent, rows: RowAccess<AnchoringTables>): void {
  const key = { safir: event.data.safir, partnerId: event.data.partnerId };
  const p = rows.get('partnerships', key) ?? { ...key, circle: null, agreements: [], assessments: [] };
  const withAgreement = (id: string, change: Partial<AnchoringPartnershipRow['agreements'][number]>) =>
    p.agreements.map((a) => (a.agreementId === id ? { ...a, ...change } : a));
  switch (event.type) {
    case 'AgreementSigned':
      return rows.put('partnerships', {
        ...p,
        agreements: [
          ...p.agreements,
          { agreementId: event.data.agreementId, startDate: event.data.startDate, endDate: event.data.endDate, terminatedOn: null },
        ],
      });
    case 'AgreementAmended':
    case 'AgreementRenewed':
      return rows.put('partnerships', { ...p, agreements: withAgreement(event.data.agreementId, { endDate: event.data.endDate }) });
    case 'AgreementTerminated':
      return rows.put('partnerships', {
        ...p,
        agreements: withAgreement(event.data.agreementId, { terminatedOn: event.data.terminatedOn }),
      });
    case 'PriorityCircleAssigned':
      return rows.put('partnerships', { ...p, circle: event.data.circle });
    case 'QualityAssessed':
      return rows.put('partnerships', {
        ...p,
        assessments: [...p.assessments, { on: event.data.assessedOn, score: event.data.score }].sort((a, b) => a.on.localeCompare(b.on)),
      });
    default:
      return;
  }
}
