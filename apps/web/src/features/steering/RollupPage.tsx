import { Link } from '../../ui/Link';
import { $api } from '../../api/client';
import { Downloads } from '../../ui/Downloads';
import { date, euros, percent } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { regionName } from '../../shell/scope';
import { Chart, COLORS } from '../../ui/Chart';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useRegionScope } from './scope';

/** The "5%" across agencies: envelopes, consumption, mobility aids, forecasts. */
export default function RollupPage() {
  const read = useReadParams();
  const scope = useRegionScope();
  const query = { ...read, ...(scope.region ? { region: scope.region } : {}), year: scope.year };
  const rollup = $api.useQuery('get', '/fund/rollup', { params: { query } });
  return (
    <Page
      title="Fonds « 5 % »"
      context={`${scope.label} — ${scope.year}`}
      actions={
        <>
          {scope.controls}
          <Downloads path="/fund/rollup" query={query} name={`fonds-5-pourcent-${scope.year}`} />
        </>
      }
    >
      <Async query={rollup}>
        {(r) => (
          <>
            <Figures
              items={[
                { label: 'Enveloppes', value: euros(r.total.envelopeCents, true), detail: `${r.total.agencies} agences` },
                {
                  label: 'Engagé',
                  value: euros(r.total.committedCents, true),
                  detail: `${percent(r.total.consumptionRate)} des enveloppes`,
                },
                { label: 'Payé', value: euros(r.total.paidCents, true) },
                { label: 'Dépassements autorisés', value: euros(r.total.authorisedOverCents, true) },
                {
                  label: 'Aides à la mobilité',
                  value: percent(r.total.mobilityShare),
                  detail: `hors bassin : ${percent(r.total.mobilityLeavingBasinShare)}`,
                },
              ]}
            />
            {r.regions.length > 1 && (
              <Chart
                title="Taux de consommation par région"
                labels={r.regions.map((l) => regionName(l.region))}
                series={[
                  {
                    label: 'Engagé / enveloppe (%)',
                    values: r.regions.map((l) => Math.round(l.consumptionRate * 1000) / 10),
                    color: COLORS.blue,
                  },
                ]}
                horizontal
                format={(v) => `${String(v).replace('.', ',')} %`}
              />
            )}
            <DataTable
              caption="Fonds par agence"
              rowKey={(l) => l.safir ?? ''}
              rows={r.agencies}
              empty={<EmptyState title={`Aucune enveloppe ${scope.year} dans ce périmètre.`} />}
              columns={[
                {
                  key: 'agency',
                  label: 'Agence',
                  sort: (l) => scope.agencyName(l.safir ?? ''),
                  render: (l) => <Link to={`/agence/${l.safir}/fonds?annee=${scope.year}`}>{scope.agencyName(l.safir ?? '')}</Link>,
                },
                {
                  key: 'envelope',
                  label: 'Enveloppe',
                  numeric: true,
                  sort: (l) => l.envelopeCents,
                  render: (l) => euros(l.envelopeCents, true),
                },
                {
                  key: 'committed',
                  label: 'Engagé',
                  numeric: true,
                  sort: (l) => l.committedCents,
                  render: (l) => euros(l.committedCents, true),
                },
                {
                  key: 'rate',
                  label: 'Consommation',
                  numeric: true,
                  sort: (l) => l.consumptionRate,
                  render: (l) => percent(l.consumptionRate),
                },
                {
                  key: 'over',
                  label: 'Dépassement autorisé',
                  numeric: true,
                  sort: (l) => l.authorisedOverCents,
                  render: (l) => euros(l.authorisedOverCents, true),
                },
                {
                  key: 'mobility',
                  label: 'Mobilité',
                  numeric: true,
                  sort: (l) => l.mobilityShare,
                  render: (l) => percent(l.mobilityShare),
                },
                {
                  key: 'forecast',
                  label: 'Épuisement prévu',
                  sort: (l) => l.projectedExhaustionDate,
                  render: (l) => (l.exhaustedBeforeYearEnd ? `le ${date(l.projectedExhaustionDate)}` : 'non'),
                },
              ]}
            />
          </>
        )}
      </Async>
    </Page>
  );
}
