import type { RecordedEvent } from '@ancrage/event-store';
import { MemoryRows } from '@ancrage/projections';
import { placeAgency, PROACTIVITY_THRESHOLDS } from './domain/anchoring-profile';
import { anchoringReport } from './read-models/anchoring-report';
import { AnchoringTables, anchoringProjection } from './read-models/anchoring.projection';

const proactive = {
  jointEventsInitiated: 4,
  strongPriorityPartnerships: 3,
  diagnosticCoConstructed: true,
  specificOrInnovativeFundShare: 0.1,
  employerProspectingActions: 0,
  instanceAttendanceShare: 0.5,
};
const standard = { ...proactive, jointEventsInitiated: 1, diagnosticCoConstructed: false };

describe('anchoring placement (graphique 4)', () => {
  it.each([
    ['FAVOURABLE', 'proactive', 'PROACTIVE_FAVOURABLE'],
    ['FAVOURABLE', 'standard', 'STANDARD_FAVOURABLE'],
    ['INTERMEDIATE', 'proactive', 'PROACTIVE_INTERMEDIATE'],
    ['INTERMEDIATE', 'standard', 'STANDARD_INTERMEDIATE'],
    ['DIFFICULT', 'standard', 'JOB_SEEKER_FOCUSED_DIFFICULT'],
  ] as const)('a %s context with %s indicators is %s', (context, kind, configuration) => {
    expect(placeAgency(context, kind === 'proactive' ? proactive : standard).configuration).toBe(configuration);
  });

  it('returns the criteria with their values and the lever for each unmet one', () => {
    const p = placeAgency('FAVOURABLE', standard);
    expect(p.proactivityScore).toBe(1);
    const joint = p.criteria.find((c) => c.criterion === 'jointEventsInitiated')!;
    expect(joint).toMatchObject({ value: 1, met: false, threshold: `≥ ${PROACTIVITY_THRESHOLDS.jointEventsInitiated}` });
    expect(joint.lever).toContain('2 more joint events');
    expect(p.criteria.find((c) => c.criterion === 'strongPriorityPartnerships')).toMatchObject({ met: true, lever: null });
    expect(p.rule).toContain('3 points or more');
    expect(p.criteria).toHaveLength(6);
  });

  it('counts being represented at three meetings of the local instances in four as one more point', () => {
    expect(placeAgency('FAVOURABLE', { ...standard, instanceAttendanceShare: 0.74 }).proactivityScore).toBe(1);
    const present = placeAgency('FAVOURABLE', { ...standard, instanceAttendanceShare: 0.75 });
    expect(present.proactivityScore).toBe(2);
    expect(present.criteria.find((c) => c.criterion === 'instanceAttendanceShare')).toMatchObject({ met: true, lever: null });
    expect(placeAgency('FAVOURABLE', { ...standard, jointEventsInitiated: 3, instanceAttendanceShare: 1 }).configuration).toBe(
      'PROACTIVE_FAVOURABLE',
    );
  });

  it('flags a proactive agency in a difficult context, and cannot place one without a context', () => {
    const p = placeAgency('DIFFICULT', proactive);
    expect(p).toMatchObject({ configuration: 'JOB_SEEKER_FOCUSED_DIFFICULT', proactive: true });
    expect(p.explanation).toContain('did not observe');
    expect(placeAgency(null, proactive)).toMatchObject({ configuration: null });
  });
});

let position = 0;
function recorded(streamId: string, type: string, data: object, occurredAt = '2018-01-01T00:00:00.000Z'): RecordedEvent {
  position += 1;
  return {
    eventId: `e${position}`,
    type,
    schemaVersion: 1,
    streamId,
    streamVersion: 0,
    position,
    data,
    hash: '',
    digestForm: 2,
    metadata: {
      actor: 'm',
      role: 'manager',
      agency: '62001',
      correlationId: 'c',
      causationId: null,
      idempotencyKey: null,
      occurredAt,
      recordedAt: occurredAt,
    },
  };
}

describe('anchoring projection', () => {
  const safir = '62001';
  const events = [
    recorded('agency-62001', 'AgencyRegistered', {
      safir,
      name: 'Berck',
      region: '32',
      department: '62',
      employmentBasin: '3213',
      areaType: 'RURAL',
    }),
    recorded('agency-62001', 'TerritorialContextRevised', {
      safir,
      effectiveDate: '2017-01-01',
      figures: { unemploymentRate: 6, longTermUnemploymentShare: 30, seasonalJobShare: 3, rsaShare: 3, qpv: false },
      source: null,
    }),
    recorded('agency-62001', 'TerritorialContextRevised', {
      safir,
      effectiveDate: '2018-06-01',
      figures: { unemploymentRate: 12, longTermUnemploymentShare: 50, seasonalJobShare: 20, rsaShare: 9, qpv: true },
      source: null,
    }),
    ...['ml', 'cap', 'cd'].map((id) =>
      recorded(`partner-${id}`, 'PartnerRegistered', {
        partnerId: id,
        category: id === 'ml' ? 'MISSION_LOCALE' : id === 'cap' ? 'CAP_EMPLOI' : 'CONSEIL_DEPARTEMENTAL',
      }),
    ),
    ...['ml', 'cap', 'cd'].flatMap((id) => [
      recorded(`partnership-62001-${id}`, 'AgreementSigned', {
        safir,
        partnerId: id,
        agreementId: `a-${id}`,
        reference: 'r',
        scale: 'LOCAL',
        formal: true,
        objectives: [],
        startDate: '2017-01-01',
        endDate: id === 'cd' ? '2018-03-31' : null,
      }),
      recorded(`partnership-62001-${id}`, 'QualityAssessed', { safir, partnerId: id, score: 3, criteria: {}, assessedOn: '2018-02-01' }),
    ]),
    recorded('partnership-62001-ml', 'PriorityCircleAssigned', {
      safir,
      partnerId: 'ml',
      circle: 3,
      defaultCircle: 1,
      reason: 'peu de public commun',
    }),
    ...[1, 2, 3].map((n) =>
      recorded(`joint-event-62001-j${n}`, 'JointEventPlanned', {
        safir,
        jointEventId: `j${n}`,
        kind: 'FORUM',
        date: `2018-0${n + 2}-10`,
        title: 't',
        partnerIds: [],
        publics: [],
        planActionId: null,
      }),
    ),
    recorded('joint-event-62001-j3', 'JointEventCancelled', { safir, jointEventId: 'j3', reason: 'salle indisponible' }),
    ...[1, 2].map((n) =>
      recorded(`joint-event-62001-j${n}`, 'JointEventHeld', {
        safir,
        jointEventId: `j${n}`,
        date: `2018-0${n + 2}-10`,
        partnerIds: [],
        outcomes: { jobSeekersPresent: 30, employersPresent: 5, candidatesPresented: 12, hires: 4 },
      }),
    ),
    // Planned and never held: it does not count as initiated.
    recorded('joint-event-62001-j4', 'JointEventPlanned', {
      safir,
      jointEventId: 'j4',
      kind: 'JOB_DATING',
      date: '2018-06-10',
      title: 't',
      partnerIds: [],
      publics: [],
      planActionId: null,
    }),
    recorded('diagnostic-62001-2018', 'DiagnosticParticipationRecorded', {
      safir,
      year: 2018,
      internalTeams: [],
      partners: [{ partnerId: 'ml', involvement: 'CO_CONSTRUCTED' }],
    }),
    recorded('fund-62001-2018', 'ExpenditureCommitted', {
      commitmentId: 'c1',
      category: 'INNOVATIVE_PROJECT',
      route: 'SUBSIDY',
      amountCents: 30_000_00,
      beneficiaryPartnerId: null,
      planActionId: null,
      rationale: 'r',
      mobility: null,
    }),
    recorded('fund-62001-2018', 'ExpenditureCommitted', {
      commitmentId: 'c2',
      category: 'DEROGATORY_MOBILITY_AID',
      route: 'SUBSIDY',
      amountCents: 70_000_00,
      beneficiaryPartnerId: null,
      planActionId: null,
      rationale: 'r',
      mobility: null,
    }),
    recorded('fund-62001-2018', 'CommitmentReleased', { commitmentId: 'c2', releasedCents: 20_000_00, reason: 'r' }),
    recorded('action-plan-62001-2018', 'ActionAdded', { actionId: 'a1', lever: 'EMPLOYER_PROSPECTING_AND_PROFILE_PROMOTION' }),
    recorded('action-plan-62001-2018', 'ActionAdded', { actionId: 'a2', lever: 'EMPLOYER_PROSPECTING_AND_PROFILE_PROMOTION' }),
    recorded('action-plan-62001-2018', 'ActionStatusChanged', { actionId: 'a2', status: 'ABANDONED', reason: 'r' }),
    // Three meetings of 2018, two attended; one of 2017 that the 2018 share does not count.
    ...[
      ['m1', '2017-11-20', true],
      ['m2', '2018-02-12', true],
      ['m3', '2018-03-01', false],
      ['m4', '2018-03-12', true],
    ].map(([meetingId, date, attended]) =>
      recorded('instance-62001-spep', 'InstanceMeetingRecorded', {
        safir,
        instanceId: 'spep',
        meetingId,
        date,
        attended,
        attendedBy: attended ? ['AGENCY_DIRECTOR'] : [],
        topic: 't',
        note: null,
      }),
    ),
  ];
  const rows = new MemoryRows<AnchoringTables>(anchoringProjection);
  for (const e of events) if (anchoringProjection.eventTypes.includes(e.type)) anchoringProjection.apply(e, rows);
  const facts = () => ({
    agencies: rows.list('agencies'),
    strong: rows.list('strong'),
    jointEvents: rows.list('jointEvents'),
    years: rows.list('years'),
  });

  it('counts each indicator from the events, as of the reference date', () => {
    const [march] = anchoringReport(2018, '2018-03-15', facts()).placements;
    // ml moved to circle 3; cap (circle 1) and cd (circle 2, agreement until 31 March) count.
    expect(march.indicators).toEqual({
      jointEventsInitiated: 1,
      strongPriorityPartnerships: 2,
      diagnosticCoConstructed: true,
      specificOrInnovativeFundShare: 0.375,
      employerProspectingActions: 1,
      instanceAttendanceShare: 2 / 3,
    });
    expect(march).toMatchObject({ context: 'FAVOURABLE', configuration: 'PROACTIVE_FAVOURABLE', proactivityScore: 3 });
    const [december] = anchoringReport(2018, '2018-12-31', facts()).placements;
    expect(december.indicators).toMatchObject({ jointEventsInitiated: 2, strongPriorityPartnerships: 1 });
    expect(december).toMatchObject({ context: 'DIFFICULT', configuration: 'JOB_SEEKER_FOCUSED_DIFFICULT' });
  });
});
