import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { CO_CONSTRUCTION, DIAGNOSTIC_SECTION, FINDING_KIND, INVOLVEMENT, label, options } from '../../i18n/catalogue';
import { number } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { useYear } from '../../shell/scope';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from '../agency/useAgencyContext';
import { draftDiagnostic, publishDiagnostic, recordParticipation, reviseSection } from './commands';
import { Revisions } from './Revisions';
import { YearSelect } from '../../shell/YearSelect';

const SECTIONS = Object.keys(DIAGNOSTIC_SECTION);

/** The agency's territorial diagnostic of a year: its sections, who built it, its findings. */
export default function DiagnosticPage({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const read = useReadParams();
  const { year, setYear } = useYear(safir);
  const [section, setSection] = useState(SECTIONS[0]);
  const diagnostic = $api.useQuery(
    'get',
    '/agencies/{safir}/diagnostics/{year}',
    { params: { path: { safir, year }, query: read } },
    { retry: false },
  );
  const partners = $api.useQuery('get', '/agencies/{safir}/partnerships', { params: { path: { safir }, query: { limit: 500 } } });
  const partnerOptions = (partners.data?.items ?? []).map((e) => ({ value: e.partnerId, label: e.partner?.name ?? e.partnerId }));
  const names = new Map(partnerOptions.map((o) => [o.value, o.label]));

  return (
    <Page title={`Diagnostic territorial ${year}`} context={ctx.context} trail={ctx.trail}>
      <div className="ancrage-toolbar">
        <YearSelect year={year} setYear={setYear} />
      </div>
      <Async
        query={diagnostic}
        empty={
          <>
            <EmptyState title={`Aucun diagnostic pour ${year}.`}>
              {ctx.canWrite ? 'Ouvrez-le pour en rédiger les sections.' : 'L’agence ne l’a pas encore ouvert.'}
            </EmptyState>
            {ctx.canWrite && <CommandForm spec={draftDiagnostic} params={{ safir, year }} />}
          </>
        }
      >
        {(d) => (
          <>
            <Figures
              items={[
                {
                  label: 'État',
                  value: d.published ? 'Publié' : 'En rédaction',
                  detail: d.publishedRevision ? `révision ${d.publishedRevision} publiée` : undefined,
                  tone: d.published ? 'success' : 'default',
                },
                { label: 'Révisions', value: number(d.revision) },
                {
                  label: 'Co-construction',
                  value: label(CO_CONSTRUCTION, d.coConstruction),
                  tone: d.coConstruction === 'CO_CONSTRUCTED' ? 'success' : 'default',
                },
                { label: 'Constats publiés', value: number(d.findings.length) },
              ]}
            />
            <h2 className="fr-h4">Sections</h2>
            {SECTIONS.map((s) => {
              const content = d.sections[s];
              return (
                <section key={s} className="fr-mb-3w" aria-labelledby={`section-${s}`}>
                  <h3 id={`section-${s}`} className="fr-h6 fr-mb-1w">
                    {DIAGNOSTIC_SECTION[s]}
                  </h3>
                  {content ? (
                    <>
                      <p className="ancrage-prose">{content.text}</p>
                      {content.keyFigures.length > 0 && (
                        <ul>
                          {content.keyFigures.map((k) => (
                            <li key={k.label}>
                              {k.label} : {number(k.value)} {k.unit} <span className="fr-text--xs">({k.source})</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </>
                  ) : (
                    <p className="fr-text--sm">Pas encore rédigée.</p>
                  )}
                </section>
              );
            })}
            <h2 className="fr-h4">Constats</h2>
            <DataTable
              caption="Constats du diagnostic"
              rowKey={(f) => f.findingId}
              rows={d.findings}
              empty={<EmptyState title="Aucun constat publié.">Les constats sont nommés à la publication.</EmptyState>}
              columns={[
                { key: 'kind', label: 'Nature', sort: (f) => f.kind, render: (f) => label(FINDING_KIND, f.kind) },
                { key: 'title', label: 'Constat', sort: (f) => f.title, render: (f) => f.title },
              ]}
            />
            <h2 className="fr-h4">Participation</h2>
            <p>Équipes internes : {d.internalTeams.length ? d.internalTeams.join(', ') : 'aucune enregistrée'}.</p>
            <DataTable
              caption="Partenaires associés au diagnostic"
              rowKey={(p) => p.partnerId}
              rows={d.partners}
              empty={<EmptyState title="Aucun partenaire associé." />}
              columns={[
                { key: 'partner', label: 'Partenaire', render: (p) => names.get(p.partnerId) ?? p.partnerId },
                { key: 'involvement', label: 'Niveau', render: (p) => label(INVOLVEMENT, p.involvement) },
              ]}
            />
            <Revisions safir={safir} year={year} />
            {ctx.canWrite && (
              <section className="fr-mt-4w" aria-labelledby="write">
                <h2 id="write" className="fr-h4">
                  Rédiger et publier
                </h2>
                <div className="ancrage-panel">
                  <Select label="Section à rédiger" nativeSelectProps={{ value: section, onChange: (e) => setSection(e.target.value) }}>
                    {options(DIAGNOSTIC_SECTION).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                  <CommandForm
                    key={`${section}-${d.sections[section]?.revision ?? 0}`}
                    spec={reviseSection(d.published)}
                    params={{ safir, year, section: section as 'LABOUR_DEMAND' }}
                    initial={{
                      text: d.sections[section]?.text ?? '',
                      keyFigures: (d.sections[section]?.keyFigures ?? []).map((k) => ({ ...k, value: String(k.value).replace('.', ',') })),
                    }}
                  />
                </div>
                <div className="ancrage-panel">
                  <CommandForm
                    key={JSON.stringify([d.internalTeams, d.partners])}
                    spec={recordParticipation(partnerOptions)}
                    params={{ safir, year }}
                    initial={{ internalTeams: d.internalTeams.join('\n'), partners: d.partners.map((p) => ({ ...p })) }}
                  />
                </div>
                {!d.published && (
                  <div className="ancrage-panel">
                    <CommandForm
                      spec={publishDiagnostic}
                      params={{ safir, year }}
                      // Republishing after a revision keeps the findings (and their references) that priorities cite.
                      initial={{ findings: d.findings.map(({ findingId, kind, title }) => ({ findingId, kind, title })) }}
                    />
                  </div>
                )}
              </section>
            )}
          </>
        )}
      </Async>
    </Page>
  );
}
