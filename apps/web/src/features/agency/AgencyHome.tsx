import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { Link } from '../../ui/Link';
import { $api } from '../../api/client';
import {
  ACTION_STATUS,
  AGREEMENT_STATUS,
  CONTEXT_CLASS,
  EXPECTATION,
  JOINT_EVENT_KIND,
  PARTNER_CATEGORY,
  label,
} from '../../i18n/catalogue';
import { date, dateTime, euros, percent, today } from '../../i18n/format';
import { useSession } from '../../shell/session';
import { usePast, useReadParams } from '../../shell/past';
import { useYear } from '../../shell/scope';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from './useAgencyContext';

/** A manager's agency today: what to renew, what is late, what is left to spend, who expects what. */
export default function AgencyHome({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const session = useSession();
  const past = usePast();
  const read = useReadParams();
  const { latestActivityYear } = useYear(safir);
  const on = past.asOf ?? today();
  const year = Number(on.slice(0, 4));
  const expiring = $api.useQuery('get', '/agencies/{safir}/agreements/expiring', {
    params: { path: { safir }, query: { ...read, days: 90, limit: 50 } },
  });
  const plan = $api.useQuery(
    'get',
    '/agencies/{safir}/action-plans/{year}',
    { params: { path: { safir, year }, query: read } },
    { retry: false },
  );
  const fund = $api.useQuery('get', '/agencies/{safir}/fund/{year}', { params: { path: { safir, year }, query: read } }, { retry: false });
  const directory = $api.useQuery('get', '/agencies/{safir}/partnerships', { params: { path: { safir }, query: { ...read, limit: 500 } } });
  const events = $api.useQuery('get', '/agencies/{safir}/joint-events', {
    params: { path: { safir }, query: { ...read, from: on, limit: 10 } },
  });
  const openExpectations = (directory.data?.items ?? []).flatMap((e) =>
    e.expectations
      .filter((x) => x.addressedAt === null)
      .map((x) => ({ ...x, partnerId: e.partnerId, partner: e.partner?.name ?? e.partnerId })),
  );
  const late = (plan.data?.actions ?? []).filter((a) => a.late);
  const stale = !past.isPast && latestActivityYear !== null && latestActivityYear < new Date().getFullYear();
  const mine = session.managedAgencies.includes(safir);
  const when = [past.asOf ? `au ${date(past.asOf)}` : null, past.knownAt ? `telle que connue le ${dateTime(past.knownAt)}` : null]
    .filter(Boolean)
    .join(', ');
  const title = past.isPast ? `L’agence ${when}` : mine ? 'Mon agence aujourd’hui' : `${ctx.agency?.name ?? `Agence ${safir}`} aujourd’hui`;

  return (
    <Page title={title} context={ctx.context}>
      {stale && (
        <Notice
          className="fr-mb-3w"
          title={
            <>
              Les dernières données de l’agence datent de {latestActivityYear}.{' '}
              <Link to={`?au=${latestActivityYear}-12-31`}>Voir l’agence au 31/12/{latestActivityYear}</Link>
            </>
          }
        />
      )}
      {ctx.agency && (
        <p>
          Contexte socio-économique du bassin : <strong>{label(CONTEXT_CLASS, ctx.agency.contextClass)}</strong>
          {ctx.agency.figures ? ` — chômage ${String(ctx.agency.figures.unemploymentRate).replace('.', ',')} %` : ''}.{' '}
          <Link to={`/agence/${safir}/territoire`}>Contexte territorial</Link> ·{' '}
          <Link to={`/agence/${safir}/tracabilite?annee=${year}`}>Du diagnostic aux résultats</Link>
        </p>
      )}
      <Async
        query={fund}
        empty={<FundFigures late={plan.data ? late.length : undefined} reached={plan.data ? percent(plan.data.plan.reached) : '—'} />}
      >
        {(f) => (
          <>
            {f.forecast.exhaustedBeforeYearEnd && f.forecast.projectedExhaustionDate && (
              <Alert
                severity="warning"
                small
                className="fr-mb-2w"
                description={`À ce rythme, l’enveloppe « 5 % » sera épuisée le ${date(f.forecast.projectedExhaustionDate)}.`}
              />
            )}
            <FundFigures
              remaining={euros(f.headroomCents, true)}
              committed={`${euros(f.committedCents, true)} sur ${euros(f.envelopeCents, true)}`}
              paid={euros(f.paidCents, true)}
              late={plan.data ? late.length : undefined}
              reached={plan.data ? percent(plan.data.plan.reached) : '—'}
            />
          </>
        )}
      </Async>
      <div className="fr-grid-row fr-grid-row--gutters">
        <section className="fr-col-12 fr-col-lg-6" aria-labelledby="renew">
          <h2 id="renew" className="fr-h5">
            Conventions à renouveler (90 jours)
          </h2>
          <Async query={expiring}>
            {(data) => (
              <DataTable
                caption="Conventions à renouveler"
                rowKey={(e) => e.partnerId}
                rows={data.items}
                empty={<EmptyState title="Aucune convention n’arrive à échéance dans les 90 jours." />}
                columns={[
                  {
                    key: 'partner',
                    label: 'Partenaire',
                    render: (e) => <Link to={`/agence/${safir}/partenaires/${e.partnerId}`}>{e.partner?.name ?? e.partnerId}</Link>,
                  },
                  { key: 'category', label: 'Catégorie', render: (e) => label(PARTNER_CATEGORY, e.partner?.category ?? 'UNKNOWN') },
                  { key: 'end', label: 'Échéance', sort: (e) => e.agreementEnd, render: (e) => date(e.agreementEnd) },
                  { key: 'status', label: 'État', render: (e) => label(AGREEMENT_STATUS, e.agreementStatus) },
                ]}
              />
            )}
          </Async>
        </section>
        <section className="fr-col-12 fr-col-lg-6" aria-labelledby="late">
          <h2 id="late" className="fr-h5">
            Actions du plan {year} en retard
          </h2>
          <Async
            query={plan}
            empty={
              <EmptyState title={`Pas de plan d’action ${year}.`}>
                {ctx.canWrite && <Link to={`/agence/${safir}/plan?annee=${year}`}>Ouvrir le plan d’action</Link>}
              </EmptyState>
            }
          >
            {() => (
              <DataTable
                caption="Actions en retard"
                rowKey={(a) => a.actionId}
                rows={late}
                empty={<EmptyState title="Aucune action en retard." />}
                columns={[
                  { key: 'title', label: 'Action', render: (a) => <Link to={`/agence/${safir}/plan?annee=${year}`}>{a.title}</Link> },
                  { key: 'status', label: 'Statut', render: (a) => label(ACTION_STATUS, a.status) },
                  { key: 'reached', label: 'Atteint', numeric: true, render: (a) => percent(a.reached) },
                  { key: 'due', label: 'Échéance', render: (a) => date(a.dueDate) },
                ]}
              />
            )}
          </Async>
        </section>
        <section className="fr-col-12 fr-col-lg-6" aria-labelledby="expectations">
          <h2 id="expectations" className="fr-h5">
            Attentes des partenaires à traiter
          </h2>
          <DataTable
            caption="Attentes ouvertes"
            rowKey={(x) => `${x.partnerId}-${x.expectationId}`}
            rows={openExpectations}
            empty={<EmptyState title="Aucune attente ouverte." />}
            columns={[
              {
                key: 'partner',
                label: 'Partenaire',
                render: (x) => <Link to={`/agence/${safir}/partenaires/${x.partnerId}`}>{x.partner}</Link>,
              },
              { key: 'expectation', label: 'Attente', render: (x) => label(EXPECTATION, x.expectation) },
              { key: 'since', label: 'Depuis le', sort: (x) => x.recordedAt, render: (x) => date(x.recordedAt) },
            ]}
          />
        </section>
        <section className="fr-col-12 fr-col-lg-6" aria-labelledby="next-events">
          <h2 id="next-events" className="fr-h5">
            Prochains événements communs
          </h2>
          <Async query={events}>
            {(data) => (
              <DataTable
                caption="Prochains événements"
                rowKey={(e) => e.jointEventId}
                rows={data.items.filter((e) => e.status === 'PLANNED')}
                empty={
                  <EmptyState title="Aucun événement prévu.">
                    {ctx.canWrite && <Link to={`/agence/${safir}/evenements`}>Prévoir un événement commun</Link>}
                  </EmptyState>
                }
                columns={[
                  { key: 'date', label: 'Date', render: (e) => date(e.date) },
                  { key: 'title', label: 'Intitulé', render: (e) => e.title },
                  { key: 'kind', label: 'Type', render: (e) => label(JOINT_EVENT_KIND, e.kind) },
                ]}
              />
            )}
          </Async>
        </section>
      </div>
      {ctx.canWrite && (
        <section className="fr-mt-4w" aria-labelledby="record">
          <h2 id="record" className="fr-h5">
            Enregistrer
          </h2>
          <div className="fr-grid-row fr-grid-row--gutters">
            {[
              { title: 'Un contact avec un partenaire', to: `/agence/${safir}/partenaires` },
              { title: 'Un événement commun', to: `/agence/${safir}/evenements` },
              { title: 'Une réunion d’instance', to: `/agence/${safir}/instances?annee=${year}` },
              { title: 'L’avancement du plan', to: `/agence/${safir}/plan?annee=${year}` },
              { title: 'Une dépense du « 5 % »', to: `/agence/${safir}/fonds?annee=${year}` },
            ].map((t) => (
              <div key={t.to} className="fr-col-12 fr-col-md">
                <Tile title={t.title} linkProps={{ to: t.to }} orientation="vertical" small />
              </div>
            ))}
          </div>
        </section>
      )}
    </Page>
  );
}

function FundFigures(props: { remaining?: string; committed?: string; paid?: string; late?: number; reached?: string }) {
  return (
    <Figures
      items={[
        {
          label: 'Reste à engager sur le « 5 % »',
          value: props.remaining ?? '—',
          detail: props.remaining ? undefined : 'aucune enveloppe cette année',
        },
        { label: 'Engagé', value: props.committed ?? '—' },
        { label: 'Payé', value: props.paid ?? '—' },
        { label: 'Actions en retard', value: props.late ?? '—', tone: props.late ? 'warning' : 'default' },
        { label: 'Avancement du plan', value: props.reached ?? '—' },
      ]}
    />
  );
}
