import { dayOf, Decider, DomainError, factOn } from '@ancrage/shared-kernel';
import type { DiagnosticEvent, Finding, Involvement, KeyFigure, Section } from './diagnostic.events';

export interface DiagnosticState {
  drafted: boolean;
  safir: string | null;
  year: number | null;
  /** Later facts cannot be dated before the draft. */
  draftedOn: string | null;
  revision: number;
  published: boolean;
  /** Every finding ever published, by id: plans cite them. */
  /** Keyed by ids the client chose: a Map, so an id such as `constructor` is just an id. */
  findings: Map<string, Finding>;
  sections: Partial<Record<Section, true>>;
}

/** Every fact of a diagnostic may be dated (`…On`, a day); without a date it happened when recorded. */
export type DiagnosticCommand =
  | { kind: 'draft'; safir: string; year: number; draftedOn?: string }
  | { kind: 'revise-section'; section: Section; text: string; keyFigures: KeyFigure[]; reason: string | null; revisedOn?: string }
  | {
      kind: 'record-participation';
      internalTeams: string[];
      partners: { partnerId: string; involvement: Involvement }[];
      recordedOn?: string;
    }
  | { kind: 'publish'; findings: Finding[]; publishedOn?: string };

export const diagnosticDecider: Decider<DiagnosticCommand, DiagnosticEvent, DiagnosticState> = {
  initialState: () => ({
    drafted: false,
    safir: null,
    year: null,
    draftedOn: null,
    revision: 0,
    published: false,
    findings: new Map(),
    sections: {},
  }),
  evolve(s, e) {
    switch (e.type) {
      case 'DiagnosticDrafted':
        return { ...s, drafted: true, safir: e.data.safir, year: e.data.year, draftedOn: dayOf(e.occurredAt) };
      case 'DiagnosticSectionRevised':
        return { ...s, revision: e.data.revision, published: false, sections: { ...s.sections, [e.data.section]: true } };
      case 'DiagnosticParticipationRecorded':
        return s;
      case 'DiagnosticPublished':
        return { ...s, published: true, findings: new Map([...s.findings, ...e.data.findings.map((f) => [f.findingId, f] as const)]) };
    }
  },
  decide(c, s, { now }) {
    if (c.kind === 'draft') {
      if (s.drafted) throw new DomainError('DIAGNOSTIC_EXISTS', `the ${c.year} diagnostic is already drafted`, 'conflict');
      // The yearly diagnostic is prepared from the year before, and drafted by the year's end.
      const dated = factOn(c.draftedOn, now, 'draftedOn', {
        notBefore: { day: `${c.year - 1}-01-01`, code: 'OUTSIDE_DIAGNOSTIC_PERIOD', why: `1 January ${c.year - 1}` },
        notAfter: { day: `${c.year}-12-31`, code: 'OUTSIDE_DIAGNOSTIC_PERIOD', why: `the end of ${c.year}` },
      });
      return [{ type: 'DiagnosticDrafted', data: { safir: c.safir, year: c.year }, ...dated }];
    }
    if (!s.drafted) throw new DomainError('DIAGNOSTIC_NOT_FOUND', 'no diagnostic drafted for this agency and year', 'not_found');
    const ids = { safir: s.safir!, year: s.year! };
    const afterDraft = (day: string | undefined, field: string) =>
      factOn(day, now, field, { notBefore: { day: s.draftedOn, code: 'DATE_BEFORE_DRAFT', why: 'the day the diagnostic was drafted' } });
    switch (c.kind) {
      case 'revise-section': {
        // Published means frozen: changing it again is a new revision that must say why.
        if (s.published && !c.reason)
          throw new DomainError('REASON_REQUIRED', 'the diagnostic is published: a new revision needs a reason', 'rule', 'reason');
        const dated = afterDraft(c.revisedOn, 'revisedOn');
        return [
          {
            type: 'DiagnosticSectionRevised',
            data: { ...ids, revision: s.revision + 1, section: c.section, text: c.text, keyFigures: c.keyFigures, reason: c.reason },
            ...dated,
          },
        ];
      }
      case 'record-participation': {
        const dated = afterDraft(c.recordedOn, 'recordedOn');
        return [
          {
            type: 'DiagnosticParticipationRecorded',
            data: { ...ids, internalTeams: [...new Set(c.internalTeams)], partners: c.partners },
            ...dated,
          },
        ];
      }
      case 'publish': {
        if (s.published) throw new DomainError('ALREADY_PUBLISHED', 'this revision is already published', 'rule');
        if (Object.keys(s.sections).length === 0)
          throw new DomainError('EMPTY_DIAGNOSTIC', 'write at least one section before publishing', 'rule');
        if (c.findings.length === 0)
          throw new DomainError('NO_FINDINGS', 'a published diagnostic lists its findings (needs, risks, assets)', 'rule', 'findings');
        const ids2 = new Set<string>();
        for (const f of c.findings) {
          if (ids2.has(f.findingId)) throw new DomainError('DUPLICATE_FINDING', `finding ${f.findingId} appears twice`, 'rule', 'findings');
          ids2.add(f.findingId);
        }
        return [
          {
            type: 'DiagnosticPublished',
            data: { ...ids, revision: s.revision, findings: c.findings },
            ...afterDraft(c.publishedOn, 'publishedOn'),
          },
        ];
      }
    }
  },
};
