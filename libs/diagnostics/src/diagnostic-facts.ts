import type { EventStore } from '@ancrage/event-store';
import { fold } from '@ancrage/shared-kernel';
import { diagnosticDecider } from './domain/diagnostic.decider';
import { coConstructionLevel, DiagnosticEvent, diagnosticStream } from './domain/diagnostic.events';

/** What a plan needs of a diagnostic, folded from its stream (strongly consistent). */
export async function diagnosticFacts(store: EventStore, safir: string, year: number) {
  const events = (await store.readStream(diagnosticStream(safir, year))).map((e) => ({ type: e.type, data: e.data }) as DiagnosticEvent);
  const state = fold(diagnosticDecider, events);
  const participation = events.filter((e) => e.type === 'DiagnosticParticipationRecorded').at(-1);
  const level = participation?.type === 'DiagnosticParticipationRecorded' ? coConstructionLevel(participation.data.partners) : 'NONE';
  return {
    published: state.published || state.findings.size > 0,
    findingIds: [...state.findings.keys()],
    coConstructed: level === 'CO_CONSTRUCTED',
  };
}
