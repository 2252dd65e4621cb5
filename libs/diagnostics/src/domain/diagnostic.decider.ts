import { Decider, DomainError } from '../../../shared-kernel/src';
import type { DiagnosticEvent, Finding, Involvement, KeyFigure, Section } from './diagnostic.events';

export interface DiagnosticState {
  drafted: boolean;
  safir: string | null;
  year: number | null;
  revision: number;
  published: boolean;
  /** Every finding ever published, by id: plans cite them. */
  /** Keyed by ids the client chose: a Map, so an id such as `constructor` is just an id. */
  findings: Map<string, Finding>;
  sections: Partial<Record<Section, true>>;
}

export type DiagnosticCommand =
  | { kind: 'draft'; safir: string; year: number }
  | { kind: 'revise-section'; section: Section; text: string; keyFigures: KeyFigure[]; reason: string | null }
  | { kind: 'record-participation'; internalTeams: string[]; partners: { partnerId: string; involvement: Involvement }[] }
  | { kind: 'publish'; findings: Finding[] };

export const diagnosticDecider: Decider<DiagnosticCommand, DiagnosticEvent, DiagnosticState> = {
  initialState: () => ({ drafted: false, safir: null, year: null, revision: 0, published: false, findings: new Map(), sections: {} }),
  evolve(s, e) {
    switch (e.type) {
      case 'DiagnosticDrafted':
        return { ...s, drafted: true, safir: e.data.safir, year: e.data.year };
      case 'DiagnosticSectionRevised':
        return { ...s, revision: e.data.revision, published: false, sections: { ...s.sections, [e.data.section]: true } };
      case 'DiagnosticParticipationRecorded':
        return s;
      case 'DiagnosticPublished':
        return { ...s, published: true, findings: new Map([...s.findings, ...e.data.findings.map((f) => [f.findingId, f] as const)]) };
    }
  },
  decide(c, s) {
    if (c.kind === 'draft') {
      if (s.drafted) throw new DomainError('DIAGNOSTIC_EXISTS', `the ${c.year} diagnostic is already drafted`, 'conflict');
      return [{ type: 'DiagnosticDrafted', data: { safir: c.safir, year: c.year } }];
    }
    if (!s.drafted) throw new DomainError('DIAGNOSTIC_NOT_FOUND', 'no diagnostic drafted for this agency and year', 'not_found');
    const ids = { safir: s.safir!, year: s.year! };
    switch (c.kind) {
      case 'revise-section': {
        // Published means frozen: changing it again is a new revision that must say why.
        if (s.published && !c.reason) throw new DomainError('REASON_REQUIRED', 'the diagnostic is published: a new revision needs a reason', 'rule', 'reason');
        return [{ type: 'DiagnosticSectionRevised', data: { ...ids, revision: s.revision + 1, section: c.section, text: c.text, keyFigures: c.keyFigures, reason: c.reason } }];
      }
      case 'record-participation':
        return [{ type: 'DiagnosticParticipationRecorded', data: { ...ids, internalTeams: [...new Set(c.internalTeams)], partners: c.partners } }];
      case 'publish': {
        if (s.published) throw new DomainError('ALREADY_PUBLISHED', 'this revision is already published', 'rule');
        if (Object.keys(s.sections).length === 0) throw new DomainError('EMPTY_DIAGNOSTIC', 'write at least one section before publishing', 'rule');
        if (c.findings.length === 0) throw new DomainError('NO_FINDINGS', 'a published diagnostic lists its findings (needs, risks, assets)', 'rule', 'findings');
        const ids2 = new Set<string>();
        for (const f of c.findings) {
          if (ids2.has(f.findingId)) throw new DomainError('DUPLICATE_FINDING', `finding ${f.findingId} appears twice`, 'rule', 'findings');
          ids2.add(f.findingId);
        }
        return [{ type: 'DiagnosticPublished', data: { ...ids, revision: s.revision, findings: c.findings } }];
      }
    }
  },
};
