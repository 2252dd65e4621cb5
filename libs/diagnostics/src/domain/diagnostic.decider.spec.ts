import { fold } from '@ancrage/shared-kernel';
import { coConstructionLevel, DiagnosticEvent } from './diagnostic.events';
import { DiagnosticCommand, diagnosticDecider } from './diagnostic.decider';

const ctx = { now: new Date('2018-02-01T00:00:00Z'), actor: 'm', role: 'manager' };
const run = (events: DiagnosticEvent[], c: DiagnosticCommand) => [
  ...events,
  ...diagnosticDecider.decide(c, fold(diagnosticDecider, events), ctx),
];
const drafted = run([], { kind: 'draft', safir: '62001', year: 2018 });
const written = run(drafted, {
  kind: 'revise-section',
  section: 'LABOUR_DEMAND',
  text: 'Forte saisonnalité',
  keyFigures: [{ label: 'emplois saisonniers', value: 21, unit: '%', source: 'INSEE' }],
  reason: null,
});

describe('diagnostic decider', () => {
  it('numbers revisions and publishes findings', () => {
    const published = run(written, {
      kind: 'publish',
      findings: [{ findingId: 'f-mobilite', kind: 'NEED', title: 'Mobilité des saisonniers' }],
    });
    expect(published[published.length - 1]).toMatchObject({ type: 'DiagnosticPublished', data: { revision: 1 } });
    expect(fold(diagnosticDecider, published).findings.get('f-mobilite')).toBeDefined();
  });
  it('freezes a published diagnostic: a new revision needs a reason', () => {
    const published = run(written, { kind: 'publish', findings: [{ findingId: 'f1', kind: 'RISK', title: 'r' }] });
    expect(() => run(published, { kind: 'revise-section', section: 'ASSETS', text: 't', keyFigures: [], reason: null })).toThrow(/reason/);
    expect(
      run(published, { kind: 'revise-section', section: 'ASSETS', text: 't', keyFigures: [], reason: 'nouvelles données' }).at(-1),
    ).toMatchObject({ data: { revision: 2 } });
  });
  it('refuses to publish an empty diagnostic or one without findings', () => {
    expect(() => run(drafted, { kind: 'publish', findings: [{ findingId: 'f1', kind: 'RISK', title: 'r' }] })).toThrow(/section/);
    expect(() => run(written, { kind: 'publish', findings: [] })).toThrow(/findings/);
  });
  it('reads the co-construction level from partner involvement', () => {
    expect(coConstructionLevel([{ involvement: 'INFORMED' }, { involvement: 'SHARED' }])).toBe('SHARED');
    expect(coConstructionLevel([{ involvement: 'CO_CONSTRUCTED' }])).toBe('CO_CONSTRUCTED');
    expect(coConstructionLevel([])).toBe('NONE');
  });
});
