import { $api } from '../../api/client';
import { date, number } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { regionName } from '../../shell/scope';
import { Async, EmptyState } from '../../ui/Feedback';
import { Link } from '../../ui/Link';
import { DataTable } from '../../ui/Table';

/** The registered basins (of one region, or all), each leading to its page. */
export function BasinsTable({ region }: { region?: string }) {
  const read = useReadParams();
  const basins = $api.useQuery('get', '/basins', { params: { query: { ...read, ...(region ? { region } : {}), limit: 500 } } });
  return (
    <Async query={basins}>
      {(page) => (
        <DataTable
          caption="Bassins d’emploi"
          rowKey={(b) => b.code}
          rows={page.items}
          empty={
            <EmptyState title="Aucun bassin d’emploi enregistré.">Un administrateur enregistre les bassins avant leurs agences.</EmptyState>
          }
          columns={[
            { key: 'name', label: 'Bassin', sort: (b) => b.name, render: (b) => <Link to={`/bassin/${b.code}`}>{b.name}</Link> },
            { key: 'code', label: 'Zone d’emploi', sort: (b) => b.code, render: (b) => b.code },
            { key: 'region', label: 'Région', render: (b) => regionName(b.region) },
            { key: 'departments', label: 'Départements', render: (b) => b.departments.map((d) => d.name).join(', ') },
            { key: 'agencies', label: 'Agences', numeric: true, sort: (b) => b.agencyCount, render: (b) => number(b.agencyCount) },
            { key: 'since', label: 'Connu depuis le', render: (b) => date(b.registeredOn) },
          ]}
        />
      )}
    </Async>
  );
}
