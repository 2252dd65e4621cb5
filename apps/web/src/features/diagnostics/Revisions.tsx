import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { usePeople } from '../access/usePeople';
import { $api } from '../../api/client';
import { DIAGNOSTIC_SECTION, label } from '../../i18n/catalogue';
import { dateTime, number } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { Async } from '../../ui/Feedback';

/** Two revisions side by side: what each section said, and which key figures moved. */
export function Revisions({ safir, year }: { safir: string; year: number }) {
  const read = useReadParams();
  const all = $api.useQuery('get', '/agencies/{safir}/diagnostics/{year}/revisions', {
    params: { path: { safir, year }, query: { ...read, limit: 500 } },
  });
  const last = all.data?.items.at(-1)?.revision ?? 0;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const a = from ?? Math.max(0, last - 1);
  const b = to ?? last;
  const comparison = $api.useQuery(
    'get',
    '/agencies/{safir}/diagnostics/{year}/revisions',
    { params: { path: { safir, year }, query: { ...read, from: a, to: b, limit: 1 } } },
    { enabled: last > 0 },
  );
  const person = usePeople((all.data?.items ?? []).map((r) => r.recordedBy));
  if (!all.data || last === 0) return null;
  const choices = all.data.items.map((r) => ({
    value: r.revision,
    label: `Révision ${r.revision} — ${label(DIAGNOSTIC_SECTION, r.section)}, ${dateTime(r.recordedAt)} par ${person(r.recordedBy)}`,
  }));
  return (
    <section className="fr-mt-4w" aria-labelledby="revisions">
      <h2 id="revisions" className="fr-h4">
        Comparer deux révisions
      </h2>
      <div className="ancrage-toolbar">
        <Select label="De la révision" nativeSelectProps={{ value: String(a), onChange: (e) => setFrom(Number(e.target.value)) }}>
          <option value="0">Avant toute rédaction</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
        <Select label="À la révision" nativeSelectProps={{ value: String(b), onChange: (e) => setTo(Number(e.target.value)) }}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </div>
      <Async query={comparison}>
        {(data) =>
          (data.comparison ?? []).length === 0 ? (
            <p>Aucune différence entre ces deux révisions.</p>
          ) : (
            (data.comparison ?? []).map((c) => (
              <div key={c.section} className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
                <h3 className="fr-col-12 fr-h6 fr-mb-0">
                  {label(DIAGNOSTIC_SECTION, c.section)}
                  {c.reason ? ` — motif : ${c.reason}` : ''}
                </h3>
                <div className="fr-col-12 fr-col-md-6">
                  <p className="fr-text--sm fr-mb-1w">{c.fromRevision ? `Révision ${c.fromRevision}` : 'Pas encore rédigée'}</p>
                  <p className="ancrage-prose ancrage-diff-removed">{c.textBefore ?? '—'}</p>
                </div>
                <div className="fr-col-12 fr-col-md-6">
                  <p className="fr-text--sm fr-mb-1w">{c.toRevision ? `Révision ${c.toRevision}` : '—'}</p>
                  <p className="ancrage-prose ancrage-diff-added">{c.textAfter ?? '—'}</p>
                </div>
                {c.keyFigureChanges.length > 0 && (
                  <ul className="fr-col-12">
                    {c.keyFigureChanges.map((k) => (
                      <li key={k.label}>
                        {k.label} : {k.before ? `${number(k.before.value)} ${k.before.unit}` : 'absent'} →{' '}
                        {k.after ? `${number(k.after.value)} ${k.after.unit}` : 'retiré'}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))
          )
        }
      </Async>
    </section>
  );
}
