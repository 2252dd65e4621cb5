import { Link } from '../../ui/Link';
import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { euros, percent } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { Async } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useRegionScope } from '../steering/scope';
import { allocateEnvelope } from './commands';

/** Each agency's "5%" envelope of a year, and the allocation of the missing ones. */
export default function EnvelopesAdmin() {
  const read = useReadParams();
  const scope = useRegionScope();
  const rollup = $api.useQuery('get', '/fund/rollup', {
    params: { query: { ...read, ...(scope.region ? { region: scope.region } : {}), year: scope.year } },
  });
  const allocated = new Map((rollup.data?.agencies ?? []).map((l) => [l.safir, l]));
  const rows = scope.agencies.map((a) => ({ agency: a, line: allocated.get(a.safir) }));
  return (
    <Page title="Enveloppes « 5 % »" context={`${scope.label} — ${scope.year}`} actions={scope.controls}>
      <Async query={rollup}>
        {() => (
          <>
            <DataTable
              caption="Enveloppes par agence"
              rowKey={(r) => r.agency.safir}
              rows={rows}
              columns={[
                {
                  key: 'agency',
                  label: 'Agence',
                  sort: (r) => r.agency.name,
                  render: (r) => <Link to={`/agence/${r.agency.safir}/fonds?annee=${scope.year}`}>{r.agency.name}</Link>,
                },
                {
                  key: 'envelope',
                  label: 'Enveloppe',
                  numeric: true,
                  sort: (r) => r.line?.envelopeCents ?? null,
                  render: (r) => (r.line ? euros(r.line.envelopeCents, true) : 'non allouée'),
                },
                {
                  key: 'rate',
                  label: 'Consommation',
                  numeric: true,
                  sort: (r) => r.line?.consumptionRate ?? null,
                  render: (r) => (r.line ? percent(r.line.consumptionRate) : '—'),
                },
              ]}
            />
            {!read.asOf &&
              !read.knownAt &&
              rows
                .filter((r) => !r.line)
                .map((r) => (
                  <details key={r.agency.safir} className="fr-mb-1w">
                    <summary>
                      Allouer l’enveloppe {scope.year} de {r.agency.name}
                    </summary>
                    <CommandForm spec={allocateEnvelope} params={{ safir: r.agency.safir, year: scope.year }} bare />
                  </details>
                ))}
          </>
        )}
      </Async>
    </Page>
  );
}
