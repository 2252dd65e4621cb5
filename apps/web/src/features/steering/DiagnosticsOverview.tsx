import { Link } from '../../ui/Link';
import { $api } from '../../api/client';
import { CO_CONSTRUCTION, label } from '../../i18n/catalogue';
import { percent } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useRegionScope } from './scope';

/** How each agency built its diagnostics: informed, shared with or co-constructed with partners. */
export default function DiagnosticsOverview() {
  const read = useReadParams();
  const scope = useRegionScope();
  const list = $api.useQuery('get', '/diagnostics/co-construction', {
    params: { query: { ...read, ...(scope.region ? { region: scope.region } : {}), limit: 500 } },
  });
  return (
    <Page title="Diagnostics territoriaux" context={scope.label} actions={scope.controls}>
      <Async query={list}>
        {(data) => {
          const rows = data.items.filter((d) => d.year === scope.year);
          return (
            <>
              <Figures
                items={[
                  { label: 'Diagnostics co-construits (toutes années)', value: percent(data.shareCoConstructed) },
                  { label: `Diagnostics ${scope.year}`, value: rows.length },
                ]}
              />
              <DataTable
                caption={`Diagnostics ${scope.year}`}
                rowKey={(d) => `${d.safir}-${d.year}`}
                rows={rows}
                empty={<EmptyState title={`Aucun diagnostic ${scope.year} dans ce périmètre.`} />}
                columns={[
                  {
                    key: 'agency',
                    label: 'Agence',
                    sort: (d) => scope.agencyName(d.safir),
                    render: (d) => <Link to={`/agence/${d.safir}/diagnostic?annee=${d.year}`}>{scope.agencyName(d.safir)}</Link>,
                  },
                  {
                    key: 'published',
                    label: 'État',
                    sort: (d) => (d.published ? 1 : 0),
                    render: (d) => (d.published ? 'Publié' : 'En rédaction'),
                  },
                  {
                    key: 'level',
                    label: 'Association des partenaires',
                    sort: (d) => d.coConstruction,
                    render: (d) => label(CO_CONSTRUCTION, d.coConstruction),
                  },
                ]}
              />
            </>
          );
        }}
      </Async>
    </Page>
  );
}
