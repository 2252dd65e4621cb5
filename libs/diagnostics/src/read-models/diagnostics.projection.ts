import { defineProjection } from '@ancrage/projections';
import { coConstructionLevel, DiagnosticEvent } from '../domain/diagnostic.events';
import { DiagnosticAgencyRow, DiagnosticRevisionRow, DiagnosticRow } from './diagnostic.entities';

export type DiagnosticTables = { diagnostics: DiagnosticRow; revisions: DiagnosticRevisionRow; agencies: DiagnosticAgencyRow };

/** Diagnostics with every revision kept, so any two can be compared; co-construction per agency. */
export const diagnosticsProjection = defineProjection<DiagnosticTables>({
  name: 'diagnostics',
  version: 1,
  eventTypes: [
    'AgencyRegistered',
    'DiagnosticDrafted',
    'DiagnosticSectionRevised',
    'DiagnosticParticipationRecorded',
    'DiagnosticPublished',
  ],
  tables: {
    diagnostics: { entity: DiagnosticRow, key: ['safir', 'year'], stable: ['region'] },
    revisions: { entity: DiagnosticRevisionRow, key: ['safir', 'year', 'revision'] },
    agencies: { entity: DiagnosticAgencyRow, key: ['safir'] },
  },
  touches(e) {
    const d = e.data as { safir: string; year?: number; revision?: number };
    if (e.type === 'AgencyRegistered') return [{ table: 'agencies', key: { safir: d.safir } }];
    return [
      { table: 'agencies', key: { safir: d.safir } },
      { table: 'diagnostics', key: { safir: d.safir, year: d.year } },
      ...(e.type === 'DiagnosticSectionRevised'
        ? [{ table: 'revisions' as const, key: { safir: d.safir, year: d.year, revision: d.revision } }]
        : []),
    ];
  },
  apply(e, rows) {
    if (e.type === 'AgencyRegistered') {
      const d = e.data as { safir: string; region: string };
      return rows.put('agencies', { safir: d.safir, region: d.region });
    }
    const event = { type: e.type, data: e.data } as DiagnosticEvent;
    const key = { safir: event.data.safir, year: event.data.year };
    if (event.type === 'DiagnosticDrafted') {
      return rows.put('diagnostics', {
        ...key,
        region: rows.get('agencies', { safir: key.safir })?.region ?? null,
        revision: 0,
        published: false,
        publishedRevision: null,
        coConstruction: 'NONE',
        internalTeams: [],
        partners: [],
        findings: [],
        sections: {},
      });
    }
    const d = rows.get('diagnostics', key);
    if (!d) return;
    switch (event.type) {
      case 'DiagnosticSectionRevised': {
        const { revision, section, text, keyFigures, reason } = event.data;
        rows.put('revisions', {
          ...key,
          revision,
          section,
          text,
          keyFigures,
          reason,
          recordedAt: e.metadata.recordedAt,
          recordedBy: e.metadata.actor,
        });
        return rows.put('diagnostics', {
          ...d,
          revision,
          published: false,
          sections: { ...d.sections, [section]: { text, keyFigures, revision } },
        });
      }
      case 'DiagnosticParticipationRecorded':
        return rows.put('diagnostics', {
          ...d,
          internalTeams: event.data.internalTeams,
          partners: event.data.partners,
          coConstruction: coConstructionLevel(event.data.partners),
        });
      case 'DiagnosticPublished': {
        const known = new Map(d.findings.map((f) => [f.findingId, f]));
        for (const f of event.data.findings) known.set(f.findingId, f);
        return rows.put('diagnostics', { ...d, published: true, publishedRevision: event.data.revision, findings: [...known.values()] });
      }
    }
  },
});

/** Sections as they stood at a revision, and what differs between two revisions. */
export function compareRevisions(revisions: DiagnosticRevisionRow[], from: number, to: number) {
  const at = (n: number) => {
    const sections: Record<string, DiagnosticRevisionRow> = {};
    for (const r of [...revisions].sort((a, b) => a.revision - b.revision)) if (r.revision <= n) sections[r.section] = r;
    return sections;
  };
  const a = at(from);
  const b = at(to);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort().flatMap((section) => {
    const before = a[section];
    const after = b[section];
    if (before?.revision === after?.revision) return [];
    const figures = (r?: DiagnosticRevisionRow) => new Map((r?.keyFigures ?? []).map((k) => [k.label, k]));
    const fa = figures(before);
    const fb = figures(after);
    const keyFigureChanges = [...new Set([...fa.keys(), ...fb.keys()])]
      .filter((label) => JSON.stringify(fa.get(label)) !== JSON.stringify(fb.get(label)))
      .map((label) => ({ label, before: fa.get(label) ?? null, after: fb.get(label) ?? null }));
    return [
      {
        section,
        fromRevision: before?.revision ?? null,
        toRevision: after?.revision ?? null,
        textBefore: before?.text ?? null,
        textAfter: after?.text ?? null,
        reason: after?.reason ?? null,
        keyFigureChanges,
      },
    ];
  });
}
