import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { JOINT_EVENT_KIND, JOINT_EVENT_STATUS, PUBLIC, SERVICE_OFFER, label } from '../../i18n/catalogue';
import { date, number, today } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { useYear } from '../../shell/scope';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from '../agency/useAgencyContext';
import { cancelJointEvent, holdJointEvent, planJointEvent } from './commands';
import { YearSelect } from '../../shell/YearSelect';

/** Forums, job datings, information sessions… held with partners: the calendar and its results. */
export default function JointEventsPage({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const read = useReadParams();
  const { year, setYear } = useYear(safir);
  const calendar = $api.useQuery('get', '/agencies/{safir}/joint-events', {
    params: { path: { safir }, query: { ...read, from: `${year}-01-01`, to: `${year}-12-31`, limit: 500 } },
  });
  const register = $api.useQuery('get', '/partners', { params: { query: { limit: 500 } } });
  // The partners an event is planned with: those the agency already works with.
  const directory = $api.useQuery(
    'get',
    '/agencies/{safir}/partnerships',
    { params: { path: { safir }, query: { limit: 500 } } },
    { enabled: ctx.canWrite },
  );
  const plan = $api.useQuery(
    'get',
    '/agencies/{safir}/action-plans/{year}',
    { params: { path: { safir, year } } },
    { enabled: ctx.canWrite, retry: false },
  );
  const partnerNames = new Map((register.data?.items ?? []).map((p) => [p.partnerId, p.name]));
  const partnerOptions = (directory.data?.items ?? [])
    .filter((e) => e.partner && !e.partner.closed)
    .map((e) => ({ value: e.partnerId, label: e.partner!.name }));
  const actionOptions = (plan.data?.actions ?? []).map((a) => ({ value: a.actionId, label: a.title }));

  return (
    <Page title="Événements communs" context={ctx.context} trail={ctx.trail}>
      <div className="ancrage-toolbar">
        <YearSelect year={year} setYear={setYear} />
      </div>
      <Async query={calendar}>
        {(data) => (
          <>
            <Figures
              items={[
                { label: 'Événements réalisés', value: number(data.totals.all.events) },
                { label: 'Demandeurs d’emploi présents', value: number(data.totals.all.jobSeekersPresent) },
                { label: 'Employeurs présents', value: number(data.totals.all.employersPresent) },
                { label: 'Candidats présentés', value: number(data.totals.all.candidatesPresented) },
                { label: 'Recrutements', value: number(data.totals.all.hires), tone: 'success' },
              ]}
            />
            <DataTable
              caption={`Événements communs ${year}`}
              rowKey={(e) => e.jointEventId}
              rows={data.items}
              empty={
                <EmptyState title={`Aucun événement commun en ${year}.`}>
                  {ctx.canWrite ? 'Prévoyez-en un avec le formulaire ci-dessous.' : null}
                </EmptyState>
              }
              columns={[
                { key: 'date', label: 'Date', sort: (e) => e.date, render: (e) => date(e.date) },
                { key: 'title', label: 'Intitulé', sort: (e) => e.title, render: (e) => e.title },
                {
                  key: 'kind',
                  label: 'Type',
                  sort: (e) => label(JOINT_EVENT_KIND, e.kind),
                  render: (e) => label(JOINT_EVENT_KIND, e.kind),
                },
                {
                  key: 'partners',
                  label: 'Partenaires',
                  render: (e) => e.partnerIds.map((id) => partnerNames.get(id) ?? id).join(', ') || '—',
                },
                { key: 'publics', label: 'Publics', render: (e) => e.publics.map((p) => label(PUBLIC, p)).join(', ') || '—' },
                {
                  key: 'services',
                  label: 'Offre de services',
                  render: (e) => e.services.map((s) => label(SERVICE_OFFER, s)).join(', ') || '—',
                },
                {
                  key: 'status',
                  label: 'État',
                  sort: (e) => e.status,
                  render: (e) => label(JOINT_EVENT_STATUS, e.status) + (e.cancelReason ? ` (${e.cancelReason})` : ''),
                },
                {
                  key: 'hires',
                  label: 'Recrutés / présentés',
                  numeric: true,
                  sort: (e) => e.outcomes?.hires ?? null,
                  render: (e) => (e.outcomes ? `${e.outcomes.hires} sur ${e.outcomes.candidatesPresented}` : '—'),
                },
              ]}
            />
            {ctx.canWrite &&
              data.items
                .filter((e) => e.status === 'PLANNED')
                .map((e) => (
                  <details key={e.jointEventId} className="fr-mb-2w">
                    <summary>
                      « {e.title} » du {date(e.date)} : {e.date <= today() ? 'enregistrer les résultats ou l’annuler' : 'l’annuler'}
                    </summary>
                    <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
                      <div className="fr-col-12 fr-col-md-6">
                        {e.date <= today() ? (
                          <CommandForm spec={holdJointEvent} params={{ safir, jointEventId: e.jointEventId }} />
                        ) : (
                          <p className="fr-text--sm">
                            Les résultats s’enregistrent une fois l’événement passé, à partir du {date(e.date)}.
                          </p>
                        )}
                      </div>
                      <div className="fr-col-12 fr-col-md-6">
                        <CommandForm spec={cancelJointEvent} params={{ safir, jointEventId: e.jointEventId }} />
                      </div>
                    </div>
                  </details>
                ))}
          </>
        )}
      </Async>
      {ctx.canWrite && (
        <section className="ancrage-panel fr-mt-4w" aria-label="Prévoir un événement">
          <CommandForm spec={planJointEvent(partnerOptions, actionOptions)} params={{ safir }} />
        </section>
      )}
    </Page>
  );
}
