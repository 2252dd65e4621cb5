import { Link } from '../../ui/Link';
import { $api, type Schemas } from '../../api/client';
import {
  ACTION_STATUS,
  EXPENDITURE_CATEGORY,
  FINDING_KIND,
  JOINT_EVENT_KIND,
  JOINT_EVENT_STATUS,
  LEVER,
  label,
} from '../../i18n/catalogue';
import { date, euros, number, percent } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { useYear } from '../../shell/scope';
import { EmptyState, ErrorAlert, Loading } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { useAgencyContext } from '../agency/useAgencyContext';
import { YearSelect } from '../../shell/YearSelect';

type Action = Schemas['ActionProgressView'];
type JointEvent = Schemas['JointEventView'];
type Commitment = Schemas['FundCommitmentView'];

/**
 * From the diagnostic to the results: each finding, the priorities that answer it, their actions and
 * progress, and the joint events and 5% spending that served each action.
 */
export default function TraceabilityPage({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const read = useReadParams();
  const { year, setYear } = useYear(safir);
  const path = { safir, year };
  const plan = $api.useQuery('get', '/agencies/{safir}/action-plans/{year}', { params: { path, query: read } }, { retry: false });
  const diagnosticYear = plan.data?.plan.diagnosticYear ?? year;
  const diagnostic = $api.useQuery(
    'get',
    '/agencies/{safir}/diagnostics/{year}',
    { params: { path: { safir, year: diagnosticYear }, query: read } },
    { retry: false, enabled: Boolean(plan.data) },
  );
  const events = $api.useQuery('get', '/agencies/{safir}/joint-events', {
    params: { path: { safir }, query: { ...read, from: `${year}-01-01`, to: `${year}-12-31`, limit: 500 } },
  });
  const commitments = $api.useQuery(
    'get',
    '/agencies/{safir}/fund/{year}/commitments',
    { params: { path, query: { ...read, limit: 500 } } },
    { retry: false },
  );

  const eventsBy = group(events.data?.items ?? [], (e) => e.planActionId);
  const spendingBy = group(commitments.data?.items ?? [], (c) => c.planActionId);
  return (
    <Page title={`Du diagnostic aux résultats — ${year}`} context={ctx.context} trail={ctx.trail}>
      <div className="ancrage-toolbar">
        <YearSelect year={year} setYear={setYear} label="Année du plan" />
      </div>
      {plan.isPending && <Loading />}
      {plan.error ? (
        <EmptyState title={`Pas de plan d’action ${year} : rien à relier.`}>
          <Link to={`/agence/${safir}/plan?annee=${year}`}>Le plan d’action</Link>
        </EmptyState>
      ) : null}
      {diagnostic.error ? <ErrorAlert error={diagnostic.error} /> : null}
      {plan.data && (
        <>
          <p>
            Le plan {year} répond au diagnostic {diagnosticYear}. {percent(plan.data.plan.reached)} de ses cibles sont atteintes en moyenne
            au {date(plan.data.date)}.
          </p>
          {(diagnostic.data?.findings ?? []).map((finding) => {
            const priorities = plan.data.priorities.filter((p) => p.findingIds.includes(finding.findingId));
            return (
              <section key={finding.findingId} className="ancrage-panel" aria-labelledby={`f-${finding.findingId}`}>
                <h2 id={`f-${finding.findingId}`} className="fr-h5">
                  {label(FINDING_KIND, finding.kind)} : {finding.title}
                </h2>
                {priorities.length === 0 && <p className="fr-text--sm">Aucune priorité du plan ne répond à ce constat.</p>}
                {priorities.map((p) => (
                  <div key={p.priorityId} className="fr-ml-2w fr-mb-2w">
                    <h3 className="fr-h6 fr-mb-1w">
                      Priorité : {p.title} — {percent(p.reached)} atteint
                    </h3>
                    <ul>
                      {plan.data.actions
                        .filter((a) => a.priorityId === p.priorityId)
                        .map((a) => (
                          <ActionLine
                            key={a.actionId}
                            action={a}
                            events={eventsBy.get(a.actionId) ?? []}
                            spending={spendingBy.get(a.actionId) ?? []}
                          />
                        ))}
                    </ul>
                  </div>
                ))}
              </section>
            );
          })}
          <section className="ancrage-panel" aria-labelledby="unlinked">
            <h2 id="unlinked" className="fr-h5">
              Ce qui n’est rattaché à aucune action
            </h2>
            <p>
              {number((eventsBy.get(null) ?? []).length)} événement(s) commun(s) et {number((spendingBy.get(null) ?? []).length)} dépense(s)
              du « 5 % » ({euros((spendingBy.get(null) ?? []).reduce((s, c) => s + c.amountCents, 0))}) sans action du plan.
            </p>
          </section>
        </>
      )}
    </Page>
  );
}

function group<T>(items: T[], key: (item: T) => string | null): Map<string | null, T[]> {
  const out = new Map<string | null, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

function ActionLine({ action, events, spending }: { action: Action; events: JointEvent[]; spending: Commitment[] }) {
  const hires = events.reduce((s, e) => s + (e.outcomes?.hires ?? 0), 0);
  return (
    <li className="fr-mb-1w">
      <strong>{action.title}</strong> ({label(LEVER, action.lever).toLowerCase()}, {label(ACTION_STATUS, action.status).toLowerCase()}) —{' '}
      {action.indicatorName} :{' '}
      {action.latestValueOnDate === null
        ? 'pas encore d’avancement'
        : `${number(action.latestValueOnDate)} sur ${number(action.target)} ${action.unit}`}{' '}
      ({percent(action.reached)}
      {action.late ? ', en retard' : ''})
      {events.length > 0 && (
        <ul>
          {events.map((e) => (
            <li key={e.jointEventId}>
              {label(JOINT_EVENT_KIND, e.kind)} « {e.title} » le {date(e.date)} ({label(JOINT_EVENT_STATUS, e.status).toLowerCase()}
              {e.outcomes ? `, ${e.outcomes.hires} recrutements` : ''})
            </li>
          ))}
          {hires > 0 && <li>Résultat des événements : {number(hires)} recrutements.</li>}
        </ul>
      )}
      {spending.length > 0 && (
        <ul>
          {spending.map((c) => (
            <li key={c.commitmentId}>
              « 5 % » : {label(EXPENDITURE_CATEGORY, c.category).toLowerCase()}, {euros(c.amountCents)} engagés, {euros(c.paidCents)} payés
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
