import { Link } from '../../ui/Link';
import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { PARTNER_CATEGORY, label } from '../../i18n/catalogue';
import { date, euros, number } from '../../i18n/format';
import { usePast, useReadParams } from '../../shell/past';
import { useSession } from '../../shell/session';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { authoriseOverCommitment, refuseOverCommitment } from '../fund/commands';
import { useRegionScope } from './scope';
import { usePeople } from '../access/usePeople';

/** A director's inbox: requests to answer, agreements to renew, late actions, envelopes running out. */
export default function Inbox() {
  const session = useSession();
  const past = usePast();
  const read = useReadParams();
  const scope = useRegionScope();
  const region = scope.region ? { region: scope.region } : {};
  const requests = $api.useQuery('get', '/fund/over-commitment-requests', {
    params: { query: { ...read, ...region, status: 'PENDING', limit: 100 } },
  });
  const person = usePeople((requests.data?.items ?? []).map((r) => r.requestedBy));
  const expiring = $api.useQuery('get', '/agreements/expiring', { params: { query: { ...read, ...region, days: 60, limit: 100 } } });
  const execution = $api.useQuery('get', '/action-plans/execution', {
    params: { query: { ...read, ...region, year: scope.year, sort: 'lateActions', limit: 500 } },
  });
  const rollup = $api.useQuery('get', '/fund/rollup', { params: { query: { ...read, ...region, year: scope.year } } });
  const late = (execution.data?.items ?? []).filter((l) => l.lateActions > 0);
  const running = (rollup.data?.agencies ?? []).filter((l) => l.exhaustedBeforeYearEnd);
  const mayAnswer = (agencyRegion: string) => !past.isPast && (session.national || session.directedRegions.includes(agencyRegion));

  return (
    <Page title="Ma boîte de réception" context={`${scope.label} — ${scope.year}`} actions={scope.controls}>
      <Figures
        items={[
          {
            label: 'Demandes de dépassement',
            value: number(requests.data?.total ?? 0),
            tone: requests.data?.total ? 'warning' : 'default',
          },
          { label: 'Conventions à renouveler (60 jours)', value: number(expiring.data?.total ?? 0) },
          { label: 'Agences avec des actions en retard', value: number(late.length) },
          {
            label: 'Enveloppes épuisées avant la fin de l’année',
            value: number(running.length),
            tone: running.length ? 'warning' : 'default',
          },
        ]}
      />
      <section aria-labelledby="requests" className="fr-mb-4w">
        <h2 id="requests" className="fr-h4">
          Demandes de dépassement à traiter
        </h2>
        <Async query={requests}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title="Aucune demande en attente." />
            ) : (
              data.items.map((r) => (
                <div key={`${r.safir}-${r.year}-${r.requestId}`} className="ancrage-panel">
                  <h3 className="fr-h6">
                    {scope.agencyName(r.safir)} ({r.safir}) — {euros(r.amountCents)} au-delà de l’enveloppe {r.year}
                  </h3>
                  <p>
                    Demandé le {date(r.requestedAt)} par {person(r.requestedBy)} : « {r.reason} ».{' '}
                    <Link to={`/agence/${r.safir}/fonds?annee=${r.year}`}>Voir le fonds de l’agence</Link>
                  </p>
                  {mayAnswer(r.region) && (
                    <div className="fr-grid-row fr-grid-row--gutters">
                      <div className="fr-col-12 fr-col-md-6">
                        <CommandForm
                          spec={authoriseOverCommitment(r.requestId)}
                          params={{ safir: r.safir, year: r.year }}
                          initial={{ amountCents: String(r.amountCents / 100).replace('.', ',') }}
                        />
                      </div>
                      <div className="fr-col-12 fr-col-md-6">
                        <CommandForm spec={refuseOverCommitment} params={{ safir: r.safir, year: r.year, requestId: r.requestId }} />
                      </div>
                    </div>
                  )}
                </div>
              ))
            )
          }
        </Async>
      </section>
      <section aria-labelledby="renew" className="fr-mb-4w">
        <h2 id="renew" className="fr-h4">
          Conventions à renouveler dans les 60 jours
        </h2>
        <Async query={expiring}>
          {(data) => (
            <DataTable
              caption="Conventions à renouveler"
              rowKey={(e) => `${e.safir}-${e.partnerId}`}
              rows={data.items}
              empty={<EmptyState title="Aucune convention n’arrive à échéance." />}
              columns={[
                {
                  key: 'agency',
                  label: 'Agence',
                  sort: (e) => scope.agencyName(e.safir),
                  render: (e) => <Link to={`/agence/${e.safir}/partenaires/${e.partnerId}`}>{scope.agencyName(e.safir)}</Link>,
                },
                { key: 'partner', label: 'Partenaire', render: (e) => e.partner?.name ?? e.partnerId },
                { key: 'category', label: 'Catégorie', render: (e) => label(PARTNER_CATEGORY, e.partner?.category ?? 'UNKNOWN') },
                { key: 'end', label: 'Échéance', sort: (e) => e.agreementEnd, render: (e) => date(e.agreementEnd) },
              ]}
            />
          )}
        </Async>
      </section>
      <div className="fr-grid-row fr-grid-row--gutters">
        <section className="fr-col-12 fr-col-lg-6" aria-labelledby="late">
          <h2 id="late" className="fr-h4">
            Actions en retard
          </h2>
          <DataTable
            caption="Agences avec des actions en retard"
            rowKey={(l) => l.safir}
            rows={late}
            empty={<EmptyState title="Aucune action en retard." />}
            columns={[
              {
                key: 'agency',
                label: 'Agence',
                sort: (l) => scope.agencyName(l.safir),
                render: (l) => <Link to={`/agence/${l.safir}/plan?annee=${l.year}`}>{scope.agencyName(l.safir)}</Link>,
              },
              {
                key: 'late',
                label: 'En retard',
                numeric: true,
                sort: (l) => l.lateActions,
                render: (l) => `${l.lateActions} / ${l.actions}`,
              },
            ]}
          />
        </section>
        <section className="fr-col-12 fr-col-lg-6" aria-labelledby="running-out">
          <h2 id="running-out" className="fr-h4">
            Enveloppes épuisées avant la fin de l’année
          </h2>
          <DataTable
            caption="Enveloppes qui s’épuisent"
            rowKey={(l) => l.safir ?? ''}
            rows={running}
            empty={<EmptyState title="Aucune enveloppe ne s’épuise avant la fin de l’année au rythme actuel." />}
            columns={[
              {
                key: 'agency',
                label: 'Agence',
                render: (l) => <Link to={`/agence/${l.safir}/fonds?annee=${scope.year}`}>{scope.agencyName(l.safir ?? '')}</Link>,
              },
              { key: 'date', label: 'Épuisée le', sort: (l) => l.projectedExhaustionDate, render: (l) => date(l.projectedExhaustionDate) },
              { key: 'remaining', label: 'Reste', numeric: true, render: (l) => euros(l.remainingCents, true) },
            ]}
          />
        </section>
      </div>
    </Page>
  );
}
