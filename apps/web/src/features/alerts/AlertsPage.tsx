import { Select } from '@codegouvfr/react-dsfr/Select';
import { useSearchParams } from 'react-router';
import { $api } from '../../api/client';
import { ALERT_KIND, EXPECTATION, label, options } from '../../i18n/catalogue';
import { date, euros, number } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { useAgencies } from '../../shell/scope';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Link } from '../../ui/Link';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';

type AlertItem = {
  kind: string;
  safir: string;
  on: string;
  subject: string | null;
  ref: string;
  year: number | null;
  amountCents: number | null;
  code: string | null;
  path: string;
};

/** What the alert is about, in words. */
function about(a: AlertItem): string {
  switch (a.kind) {
    case 'OVER_COMMITMENT_PENDING':
      return `${euros(a.amountCents)} au-delà de l’enveloppe ${a.year ?? ''}`;
    case 'ENVELOPE_RUNNING_OUT':
      return `Enveloppe ${a.year ?? ''} : reste ${euros(a.amountCents, true)} à engager`;
    case 'EXPECTATION_OPEN':
      return `${a.subject ?? a.ref} : ${label(EXPECTATION, a.code ?? '')}`;
    default:
      return a.subject ?? a.ref;
  }
}

const ON_LABEL: Record<string, string> = {
  OVER_COMMITMENT_PENDING: 'Demandée le',
  AGREEMENT_EXPIRING: 'Échéance le',
  ENVELOPE_RUNNING_OUT: 'Épuisée le',
  ACTION_LATE: 'Échéance le',
  EXPECTATION_OPEN: 'Exprimée le',
};

/** Everyone's to-do list: the alerts of their scope, the ones their e-mail digest sends. */
export default function AlertsPage() {
  const read = useReadParams();
  const agencies = useAgencies();
  const [params, setParams] = useSearchParams();
  const kind = params.get('type') ?? '';
  const alerts = $api.useQuery('get', '/me/alerts', {
    params: { query: { ...read, ...(kind ? { kind: kind as 'ACTION_LATE' } : {}), limit: 500 } },
  });
  return (
    <Page
      title="Mes alertes"
      context="Ce qui demande votre attention dans votre périmètre"
      actions={
        <Select
          label="Type d’alerte"
          nativeSelectProps={{
            value: kind,
            onChange: (e) => setParams((p) => (e.target.value ? (p.set('type', e.target.value), p) : (p.delete('type'), p))),
          }}
        >
          <option value="">Toutes</option>
          {options(ALERT_KIND).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      }
    >
      <Async query={alerts}>
        {(data) => (
          <>
            <Figures
              items={options(ALERT_KIND).map((o) => ({
                label: o.label,
                value: number(data.counts[o.value as keyof typeof data.counts]),
                tone: data.counts[o.value as keyof typeof data.counts] ? 'warning' : 'default',
              }))}
            />
            <p className="fr-text--sm">
              Au {date(data.on)} : conventions arrivant à échéance dans les {data.agreementDays} jours, attentes sans réponse depuis plus de{' '}
              {data.expectationDays} jours. <Link to="/compte">Recevoir ces alertes par courriel</Link>.
            </p>
            <DataTable
              caption="Mes alertes"
              rowKey={(a) => `${a.kind}-${a.safir}-${a.ref}-${a.code ?? ''}`}
              rows={data.items}
              empty={<EmptyState title="Aucune alerte : rien ne demande votre attention." />}
              columns={[
                { key: 'kind', label: 'Type', sort: (a) => label(ALERT_KIND, a.kind), render: (a) => label(ALERT_KIND, a.kind) },
                {
                  key: 'agency',
                  label: 'Agence',
                  sort: (a) => agencies.byCode.get(a.safir)?.name ?? a.safir,
                  render: (a) => `${agencies.byCode.get(a.safir)?.name ?? a.safir} (${a.safir})`,
                },
                { key: 'about', label: 'Objet', render: (a) => about(a) },
                { key: 'on', label: 'Date', sort: (a) => a.on, render: (a) => `${ON_LABEL[a.kind] ?? ''} ${date(a.on)}` },
                { key: 'go', label: 'Action', render: (a) => <Link to={a.path}>Traiter</Link> },
              ]}
            />
          </>
        )}
      </Async>
    </Page>
  );
}
