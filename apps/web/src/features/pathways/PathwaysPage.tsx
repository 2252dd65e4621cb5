import { useState } from 'react';
import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { PUBLIC, SERVICE_OFFER, label } from '../../i18n/catalogue';
import { date, number, percent } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { useYear } from '../../shell/scope';
import { Chart, COLORS } from '../../ui/Chart';
import { Async, EmptyState } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from '../agency/useAgencyContext';
import { openPathway, recordOutcomes, startCohort } from './commands';
import { YearSelect } from '../../shell/YearSelect';

/** Pathways run in cohorts (parcours senior, parcours jeunes…): people reached and back in work, against the targets. */
export default function PathwaysPage({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const read = useReadParams();
  const { year, setYear } = useYear(safir);
  const pathways = $api.useQuery('get', '/agencies/{safir}/pathways', {
    params: { path: { safir }, query: { ...read, year, limit: 500 } },
  });
  const directory = $api.useQuery(
    'get',
    '/agencies/{safir}/partnerships',
    { params: { path: { safir }, query: { limit: 500 } } },
    { enabled: ctx.canWrite },
  );
  const partners = (directory.data?.items ?? [])
    .filter((e) => e.partner && !e.partner.closed)
    .map((e) => ({ value: e.partnerId, label: e.partner!.name }));
  return (
    <Page title="Parcours" context={ctx.context} trail={ctx.trail}>
      <div className="ancrage-toolbar">
        <YearSelect year={year} setYear={setYear} />
      </div>
      <Async query={pathways}>
        {(data) => (
          <>
            <DataTable
              caption={`Parcours ${year} : cohortes entrées dans l’année`}
              rowKey={(p) => p.pathwayId}
              rows={data.items}
              empty={
                <EmptyState title={`Aucun parcours en ${year}.`}>
                  {ctx.canWrite ? 'Ouvrez-en un avec le formulaire ci-dessous.' : null}
                </EmptyState>
              }
              columns={[
                { key: 'name', label: 'Parcours', sort: (p) => p.name, render: (p) => p.name },
                { key: 'publics', label: 'Publics', render: (p) => p.publics.map((x) => label(PUBLIC, x)).join(', ') || '—' },
                { key: 'cohorts', label: 'Cohortes', numeric: true, sort: (p) => p.cohorts, render: (p) => number(p.cohorts) },
                {
                  key: 'reach',
                  label: 'Personnes accompagnées / cible',
                  numeric: true,
                  sort: (p) => p.reachShare,
                  render: (p) => `${number(p.figures.reach)} sur ${number(p.yearlyReachTarget)} (${percent(p.reachShare)})`,
                },
                {
                  key: 'rate',
                  label: 'Retour à l’emploi / visé',
                  numeric: true,
                  sort: (p) => p.figures.employmentRate,
                  render: (p) =>
                    `${percent(p.figures.employmentRate)} pour ${percent(p.employmentRateTarget)}${p.employmentRateMet ? ' — atteint' : ''}`,
                },
                {
                  key: 'exits',
                  label: 'Sorties (dont formation)',
                  numeric: true,
                  render: (p) => `${number(p.figures.exits)} (${number(p.figures.training)})`,
                },
              ]}
            />
            {data.items.map((p) => (
              <PathwayDetails
                key={p.pathwayId}
                safir={safir}
                pathwayId={p.pathwayId}
                name={p.name}
                canWrite={ctx.canWrite && !p.closedOn}
              />
            ))}
          </>
        )}
      </Async>
      {ctx.canWrite && (
        <section className="ancrage-panel fr-mt-4w" aria-label="Ouvrir un parcours">
          <CommandForm spec={openPathway(partners)} params={{ safir }} />
        </section>
      )}
    </Page>
  );
}

function PathwayDetails({ safir, pathwayId, name, canWrite }: { safir: string; pathwayId: string; name: string; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const read = useReadParams();
  const detail = $api.useQuery(
    'get',
    '/agencies/{safir}/pathways/{pathwayId}',
    { params: { path: { safir, pathwayId }, query: read } },
    { enabled: open },
  );
  return (
    <details className="fr-mb-2w" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>« {name} » : ses cohortes et leurs résultats</summary>
      {open && (
        <Async query={detail}>
          {(d) => (
            <>
              <p className="fr-text--sm">
                Offre de services mobilisée : {d.services.map((s) => label(SERVICE_OFFER, s).toLowerCase()).join(', ') || 'non précisée'}.
              </p>
              {d.overTime.length > 0 && (
                <Chart
                  title="Taux de retour à l’emploi, toutes cohortes"
                  labels={d.overTime.map((p) => date(p.on))}
                  series={[
                    {
                      label: 'Taux de retour à l’emploi',
                      values: d.overTime.map((p) => p.employmentRate),
                      color: COLORS.green,
                      kind: 'line',
                    },
                    { label: 'Taux visé', values: d.overTime.map(() => d.employmentRateTarget), color: COLORS.grey, kind: 'line' },
                  ]}
                  format={(v) => percent(v)}
                  height={220}
                />
              )}
              <DataTable
                caption={`Cohortes de « ${d.name} »`}
                rowKey={(c) => c.cohortId}
                rows={d.cohortList}
                empty={<EmptyState title="Aucune cohorte." />}
                columns={[
                  { key: 'start', label: 'Entrée le', render: (c) => date(c.startedOn) },
                  { key: 'entries', label: 'Entrées', numeric: true, render: (c) => number(c.entries) },
                  { key: 'exits', label: 'Sorties', numeric: true, render: (c) => number(c.exits) },
                  { key: 'employment', label: 'En emploi', numeric: true, render: (c) => number(c.employment) },
                  { key: 'training', label: 'En formation', numeric: true, render: (c) => number(c.training) },
                  { key: 'on', label: 'Résultats au', render: (c) => date(c.outcomesOn) },
                ]}
              />
              {canWrite &&
                d.cohortList.map((c) => (
                  <details key={c.cohortId} className="fr-mb-1w">
                    <summary>Résultats de la cohorte entrée le {date(c.startedOn)}</summary>
                    <CommandForm spec={recordOutcomes} params={{ safir, pathwayId, cohortId: c.cohortId }} />
                  </details>
                ))}
            </>
          )}
        </Async>
      )}
      {canWrite && <CommandForm spec={startCohort} params={{ safir, pathwayId }} />}
    </details>
  );
}
