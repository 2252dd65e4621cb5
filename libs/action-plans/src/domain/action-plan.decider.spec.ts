import { fold } from '@ancrage/shared-kernel';
import type { ActionPlanEvent } from './action-plan.events';
import { ActionPlanCommand, actionPlanDecider, DiagnosticFacts } from './action-plan.decider';

const ctx = { now: new Date('2018-12-31T18:00:00Z'), actor: 'm', role: 'manager' };
const diag: DiagnosticFacts = { published: true, findingIds: ['f-seniors', 'f-mobilite'], coConstructed: true };
const run = (events: ActionPlanEvent[], c: ActionPlanCommand) => [
  ...events,
  ...actionPlanDecider.decide(c, fold(actionPlanDecider, events), ctx),
];
const drafted = run([], { kind: 'draft', safir: '62001', year: 2018, diagnosticYear: 2018, diagnostic: diag });
const withPriority = run(drafted, {
  kind: 'add-priority',
  priorityId: 'p1',
  title: 'Retour à l’emploi des seniors',
  findingIds: ['f-seniors'],
  diagnostic: diag,
});
const action = {
  kind: 'add-action' as const,
  actionId: 'a1',
  priorityId: 'p1',
  title: 'Parcours seniors',
  lever: 'INTENSIVE_SUPPORT' as const,
  owner: 'équipe accompagnement',
  partnerIds: [],
  startDate: '2018-01-15',
  dueDate: '2018-12-31',
  dueDateReason: null,
  indicator: { name: 'seniors accompagnés', unit: 'personnes', baseline: 0, target: 60 },
};
const withAction = run(withPriority, action);

describe('action plan decider', () => {
  it('is measured by a pathway of the agency, after which its values are the pathway’s and not reported by hand', () => {
    const measure = { kind: 'measure-by-pathway' as const, actionId: 'a1', pathwayId: 'parcours-senior', measure: 'REACH' as const };
    expect(() => run(withAction, { ...measure, pathway: { opened: false } })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_PATHWAY', field: 'pathwayId' }),
    );
    expect(() => run(withAction, { ...measure, actionId: 'a9', pathway: { opened: true } })).toThrow(
      expect.objectContaining({ code: 'ACTION_NOT_FOUND' }),
    );
    const measured = run(withAction, { ...measure, pathway: { opened: true }, linkedOn: '2018-03-01' });
    expect(measured.at(-1)).toMatchObject({
      type: 'ActionMeasuredByPathway',
      data: { actionId: 'a1', pathwayId: 'parcours-senior', measure: 'REACH' },
      occurredAt: '2018-03-01T12:00:00.000Z',
    });
    expect(run(measured, { ...measure, pathway: { opened: true } })).toHaveLength(measured.length);
    expect(run(measured, { ...measure, measure: 'EMPLOYMENT_RATE', pathway: { opened: true } }).at(-1)?.type).toBe(
      'ActionMeasuredByPathway',
    );
    expect(() => run(measured, { kind: 'report-progress', actionId: 'a1', value: 10, on: '2018-06-30', comment: null })).toThrow(
      expect.objectContaining({ code: 'ACTION_MEASURED_BY_PATHWAY', field: 'actionId' }),
    );
    // A status change keeps the link.
    const started = run(measured, { kind: 'change-status', actionId: 'a1', status: 'IN_PROGRESS', reason: null });
    expect(() => run(started, { kind: 'report-progress', actionId: 'a1', value: 10, on: '2018-06-30', comment: null })).toThrow(
      /pathway parcours-senior/,
    );
  });
  it('is drafted only from a published diagnostic', () => {
    expect(() =>
      run([], { kind: 'draft', safir: '62001', year: 2018, diagnosticYear: 2018, diagnostic: { ...diag, published: false } }),
    ).toThrow(/not published/);
  });
  it('refuses a priority citing no finding, or a finding of another diagnostic', () => {
    expect(() => run(drafted, { kind: 'add-priority', priorityId: 'p2', title: 't', findingIds: [], diagnostic: diag })).toThrow(
      /at least one finding/,
    );
    expect(() => run(drafted, { kind: 'add-priority', priorityId: 'p2', title: 't', findingIds: ['f-other'], diagnostic: diag })).toThrow(
      /f-other/,
    );
  });
  it('wants a reason for a due date outside the plan year', () => {
    expect(() => run(withPriority, { ...action, actionId: 'a2', dueDate: '2019-03-31' })).toThrow(/outside 2018/);
    expect(run(withPriority, { ...action, actionId: 'a2', dueDate: '2019-03-31', dueDateReason: 'cohorte à cheval' }).at(-1)?.type).toBe(
      'ActionAdded',
    );
  });
  it('refuses progress on an abandoned action and on a closed plan, which takes adjustments instead', () => {
    const abandoned = run(withAction, { kind: 'change-status', actionId: 'a1', status: 'ABANDONED', reason: 'pas de financement' });
    expect(() => run(abandoned, { kind: 'report-progress', actionId: 'a1', value: 10, on: '2018-06-30', comment: null })).toThrow(
      /abandoned/,
    );
    expect(() => run(withAction, { kind: 'report-progress', actionId: 'a1', value: 10, on: '2019-03-31', comment: null })).toThrow(
      expect.objectContaining({ code: 'FUTURE_DATE', field: 'on' }),
    );
    const done = run(withAction, { kind: 'change-status', actionId: 'a1', status: 'DONE', reason: null });
    const closed = run(done, { kind: 'close', closedOn: '2018-12-31' });
    expect(() => run(closed, { kind: 'report-progress', actionId: 'a1', value: 10, on: '2018-12-31', comment: null })).toThrow(/closed/);
    expect(run(closed, { kind: 'adjust-closed', actionId: 'a1', note: 'chiffre corrigé', value: 62 }).at(-1)).toMatchObject({
      type: 'ClosedPlanAdjusted',
      data: { planYear: 2018 },
    });
  });
});

describe('action plan facts and their dates', () => {
  const dated = run([], { kind: 'draft', safir: '62001', year: 2018, diagnosticYear: 2017, diagnostic: diag, draftedOn: '2017-11-20' });
  it('dates each fact when given a day, within the plan period and after the draft', () => {
    expect(dated[0].occurredAt).toBe('2017-11-20T12:00:00.000Z');
    expect(() =>
      run([], { kind: 'draft', safir: '62001', year: 2018, diagnosticYear: 2017, diagnostic: diag, draftedOn: '2016-12-31' }),
    ).toThrow(expect.objectContaining({ code: 'OUTSIDE_PLAN_PERIOD', field: 'draftedOn' }));
    expect(() =>
      run(dated, {
        kind: 'add-priority',
        priorityId: 'p1',
        title: 't',
        findingIds: ['f-seniors'],
        diagnostic: diag,
        addedOn: '2017-11-19',
      }),
    ).toThrow(expect.objectContaining({ code: 'DATE_BEFORE_DRAFT', field: 'addedOn' }));
    const priority = run(dated, {
      kind: 'add-priority',
      priorityId: 'p1',
      title: 't',
      findingIds: ['f-seniors'],
      diagnostic: diag,
      addedOn: '2017-12-01',
    });
    const withA = run(priority, { ...action, addedOn: '2017-12-02' });
    const adopted = run(withA, { kind: 'adopt', adoptedOn: '2018-01-15' });
    expect(adopted.at(-1)).toMatchObject({ type: 'ActionPlanAdopted', occurredAt: '2018-01-15T12:00:00.000Z' });
    expect(() => run(adopted, { kind: 'report-progress', actionId: 'a1', value: 5, on: '2017-12-31', comment: null })).toThrow(
      expect.objectContaining({ code: 'OUTSIDE_PLAN_YEAR', field: 'on' }),
    );
    expect(() => run(adopted, { kind: 'mid-year-review', reviewedOn: '2018-01-10', summary: 's' })).toThrow(
      expect.objectContaining({ code: 'DATE_BEFORE_ADOPTION' }),
    );
  });

  it('closes only when every action is done or abandoned, or when the close says what becomes of the others', () => {
    expect(() => run(withAction, { kind: 'close', closedOn: '2018-12-31' })).toThrow(
      expect.objectContaining({ code: 'OPEN_ACTIONS', field: 'openActions' }),
    );
    const closed = run(withAction, { kind: 'close', closedOn: '2018-12-31', openActions: 'CARRIED_OVER' });
    expect(closed.at(-1)).toMatchObject({
      type: 'ActionPlanClosed',
      data: { openActions: [{ actionId: 'a1', previousStatus: 'PLANNED', decision: 'CARRIED_OVER' }] },
    });
    const abandoned = run(withAction, { kind: 'close', closedOn: '2018-12-31', openActions: 'ABANDONED' });
    expect(fold(actionPlanDecider, abandoned).actions.get('a1')?.status).toBe('ABANDONED');
  });
});
