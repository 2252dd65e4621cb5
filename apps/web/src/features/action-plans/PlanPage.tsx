import { $api, type Schemas } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { ACTION_STATUS, LEVER, PATHWAY_MEASURE, PLAN_STATUS, SERVICE_OFFER, label } from '../../i18n/catalogue';
import { date, month, number, percent } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { useYear } from '../../shell/scope';
import { Chart, COLORS } from '../../ui/Chart';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from '../agency/useAgencyContext';
import * as forms from './commands';
import { YearSelect } from '../../shell/YearSelect';

type Action = Schemas['ActionProgressView'];

/** The agency's action plan of a year: priorities, actions and their progress against time. */
export default function PlanPage({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const read = useReadParams();
  const { year, setYear } = useYear(safir);
  const plan = $api.useQuery(
    'get',
    '/agencies/{safir}/action-plans/{year}',
    { params: { path: { safir, year }, query: read } },
    { retry: false },
  );
  const diagnostic = $api.useQuery(
    'get',
    '/agencies/{safir}/diagnostics/{year}',
    { params: { path: { safir, year } } },
    { enabled: ctx.canWrite, retry: false },
  );
  const partners = $api.useQuery(
    'get',
    '/agencies/{safir}/partnerships',
    { params: { path: { safir }, query: { limit: 500 } } },
    { enabled: ctx.canWrite },
  );
  const pathways = $api.useQuery('get', '/agencies/{safir}/pathways', { params: { path: { safir }, query: { year } } });
  const pathwayOptions = (pathways.data?.items ?? []).map((x) => ({ value: x.pathwayId, label: x.name }));
  const pathwayName = (id: string) => pathwayOptions.find((o) => o.value === id)?.label ?? id;
  const partnerOptions = (partners.data?.items ?? []).map((e) => ({ value: e.partnerId, label: e.partner?.name ?? e.partnerId }));
  const findingOptions = (diagnostic.data?.findings ?? []).map((f) => ({ value: f.findingId, label: f.title }));

  return (
    <Page title={`Plan d’action ${year}`} context={ctx.context} trail={ctx.trail}>
      <div className="ancrage-toolbar">
        <YearSelect year={year} setYear={setYear} />
      </div>
      <Async
        query={plan}
        empty={
          <>
            <EmptyState title={`Aucun plan d’action pour ${year}.`}>
              {ctx.canWrite ? 'Ouvrez-le à partir d’un diagnostic publié de l’agence.' : 'L’agence ne l’a pas encore ouvert.'}
            </EmptyState>
            {ctx.canWrite && <CommandForm spec={forms.draftPlan} params={{ safir, year }} initial={{ diagnosticYear: String(year) }} />}
          </>
        }
      >
        {(p) => {
          const open = p.plan.status !== 'CLOSED';
          const priorityOptions = p.priorities.map((x) => ({ value: x.priorityId, label: x.title }));
          const actionOptions = p.actions.map((a) => ({ value: a.actionId, label: a.title }));
          return (
            <>
              <Figures
                items={[
                  {
                    label: 'État du plan',
                    value: label(PLAN_STATUS, p.plan.status),
                    detail: p.plan.adoptedOn ? `adopté le ${date(p.plan.adoptedOn)}` : undefined,
                  },
                  { label: 'Avancement moyen', value: percent(p.plan.reached), detail: `au ${date(p.date)}` },
                  { label: 'Actions en retard', value: number(p.plan.late), tone: p.plan.late > 0 ? 'warning' : 'success' },
                  { label: 'Actions', value: number(p.plan.actions), detail: `${p.priorities.length} priorités` },
                ]}
              />
              {p.months.length > 0 && (
                <div className="fr-grid-row fr-grid-row--gutters">
                  <div className="fr-col-12 fr-col-md-7">
                    <Chart
                      title="Avancement moyen des actions, mois par mois (en %)"
                      labels={p.months.map((m) => month(m.month, true))}
                      series={[
                        {
                          label: 'Avancement moyen (%)',
                          values: p.months.map((m) => Math.round(m.reached * 100)),
                          color: COLORS.blue,
                          kind: 'line',
                        },
                      ]}
                      height={220}
                    />
                  </div>
                  <div className="fr-col-12 fr-col-md-5">
                    <Chart
                      title="Actions en retard, mois par mois"
                      labels={p.months.map((m) => month(m.month, true))}
                      series={[{ label: 'Actions en retard', values: p.months.map((m) => m.late), color: COLORS.orange }]}
                      height={220}
                      counts
                    />
                  </div>
                </div>
              )}
              {p.priorities.map((priority) => (
                <section key={priority.priorityId} className="fr-mb-4w" aria-labelledby={`prio-${priority.priorityId}`}>
                  <h2 id={`prio-${priority.priorityId}`} className="fr-h5">
                    {priority.title}{' '}
                    <span className="fr-text--sm">
                      — {percent(priority.reached)} atteint, {priority.late} en retard
                    </span>
                  </h2>
                  <ActionsTable actions={p.actions.filter((a) => a.priorityId === priority.priorityId)} pathwayName={pathwayName} />
                  {ctx.canWrite &&
                    open &&
                    p.actions
                      .filter((a) => a.priorityId === priority.priorityId)
                      .map((a) => (
                        <details key={a.actionId} className="fr-mb-1w">
                          <summary>« {a.title} » : déclarer l’avancement, le mesurer par un parcours ou changer le statut</summary>
                          <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
                            <div className="fr-col-12 fr-col-md-6">
                              {a.measuredBy ? (
                                <p>
                                  Ses valeurs viennent du parcours {pathwayName(a.measuredBy.pathwayId)} (
                                  {label(PATHWAY_MEASURE, a.measuredBy.measure)}) : enregistrez les entrées et les sorties des cohortes sur
                                  la page des parcours.
                                </p>
                              ) : (
                                <CommandForm spec={forms.reportProgress} params={{ safir, year, actionId: a.actionId }} />
                              )}
                              {pathwayOptions.length > 0 && (
                                <CommandForm
                                  spec={forms.measureByPathway(pathwayOptions)}
                                  params={{ safir, year, actionId: a.actionId }}
                                  initial={a.measuredBy ? { ...a.measuredBy } : { measure: 'REACH' }}
                                />
                              )}
                            </div>
                            <div className="fr-col-12 fr-col-md-6">
                              <CommandForm
                                spec={forms.changeStatus}
                                params={{ safir, year, actionId: a.actionId }}
                                initial={{ status: a.status }}
                              />
                            </div>
                          </div>
                        </details>
                      ))}
                </section>
              ))}
              {p.priorities.length === 0 && (
                <EmptyState title="Aucune priorité pour l’instant.">
                  Ajoutez une priorité qui réponde à un constat du diagnostic, puis ses actions.
                </EmptyState>
              )}
              {p.plan.reviews.length > 0 && (
                <section className="fr-mb-4w" aria-labelledby="reviews">
                  <h2 id="reviews" className="fr-h5">
                    Revues de mi-parcours
                  </h2>
                  <ul>
                    {p.plan.reviews.map((r) => (
                      <li key={r.reviewedOn}>
                        {date(r.reviewedOn)} : {r.summary}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {p.plan.adjustments.length > 0 && (
                <section className="fr-mb-4w" aria-labelledby="adjustments">
                  <h2 id="adjustments" className="fr-h5">
                    Ajustements après clôture
                  </h2>
                  <ul>
                    {p.plan.adjustments.map((a) => (
                      <li key={a.recordedAt}>
                        {date(a.recordedAt)} : {a.note}
                        {a.value !== null ? ` (valeur corrigée : ${number(a.value)})` : ''}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <details className="fr-mb-3w">
                <summary className="fr-text--sm">Comment l’avancement est calculé</summary>
                <p className="fr-text--sm">
                  Atteint = (dernière valeur − valeur de départ) ÷ (cible − valeur de départ), entre 0 et 1. Écoulé = (date − début) ÷
                  (échéance − début). Une action est dans les temps si elle est réalisée, ou si l’atteint est au moins l’écoulé moins 10
                  points ; elle est en retard sinon, et toujours après l’échéance si la cible n’est pas atteinte. Les actions abandonnées ne
                  comptent pas.
                </p>
              </details>
              {ctx.canWrite && (
                <section aria-labelledby="plan-write">
                  <h2 id="plan-write" className="fr-h4">
                    Construire et suivre le plan
                  </h2>
                  {open ? (
                    <div className="fr-grid-row fr-grid-row--gutters">
                      <div className="fr-col-12 fr-col-md-6">
                        <div className="ancrage-panel">
                          <CommandForm spec={forms.addPriority(findingOptions)} params={{ safir, year }} />
                        </div>
                        {p.plan.status === 'DRAFT' ? (
                          <div className="ancrage-panel">
                            <CommandForm spec={forms.adoptPlan} params={{ safir, year }} />
                          </div>
                        ) : (
                          <div className="ancrage-panel">
                            <CommandForm spec={forms.midYearReview} params={{ safir, year }} />
                          </div>
                        )}
                        <div className="ancrage-panel">
                          <CommandForm spec={forms.closePlan} params={{ safir, year }} />
                        </div>
                      </div>
                      <div className="fr-col-12 fr-col-md-6">
                        <div className="ancrage-panel">
                          {priorityOptions.length ? (
                            <CommandForm
                              spec={forms.addAction(priorityOptions, partnerOptions)}
                              params={{ safir, year }}
                              initial={{ startDate: `${year}-01-01`, dueDate: `${year}-12-31` }}
                            />
                          ) : (
                            <p>Ajoutez d’abord une priorité : chaque action en relève.</p>
                          )}
                        </div>
                      </div>
                    </div>
                  ) : (
                    <div className="ancrage-panel">
                      <CommandForm spec={forms.adjustClosedPlan(actionOptions)} params={{ safir, year }} />
                    </div>
                  )}
                </section>
              )}
            </>
          );
        }}
      </Async>
    </Page>
  );
}

function ActionsTable({ actions, pathwayName }: { actions: Action[]; pathwayName: (id: string) => string }) {
  return (
    <DataTable
      caption="Actions de la priorité"
      rowKey={(a) => a.actionId}
      rows={actions}
      empty={<EmptyState title="Aucune action sous cette priorité." />}
      columns={[
        { key: 'title', label: 'Action', sort: (a) => a.title, render: (a) => a.title },
        { key: 'lever', label: 'Levier', sort: (a) => label(LEVER, a.lever), render: (a) => label(LEVER, a.lever) },
        {
          key: 'services',
          label: 'Offre de services',
          render: (a) => a.services.map((s) => label(SERVICE_OFFER, s)).join(', ') || '—',
        },
        { key: 'status', label: 'Statut', sort: (a) => a.status, render: (a) => label(ACTION_STATUS, a.status) },
        {
          key: 'indicator',
          label: 'Indicateur',
          render: (a) =>
            `${a.indicatorName} : ${a.latestValueOnDate === null ? '—' : number(a.latestValueOnDate)} / ${number(a.target)} ${a.unit}` +
            (a.measuredBy ? ` (${pathwayName(a.measuredBy.pathwayId)} : ${label(PATHWAY_MEASURE, a.measuredBy.measure)})` : ''),
        },
        { key: 'reached', label: 'Atteint', numeric: true, sort: (a) => a.reached, render: (a) => percent(a.reached) },
        { key: 'due', label: 'Échéance', sort: (a) => a.dueDate, render: (a) => date(a.dueDate) },
        {
          key: 'late',
          label: 'Suivi',
          sort: (a) => (a.late ? 1 : 0),
          render: (a) => (a.status === 'ABANDONED' ? '—' : a.late ? 'En retard' : 'Dans les temps'),
        },
      ]}
    />
  );
}
