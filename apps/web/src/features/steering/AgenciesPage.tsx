import { Link } from '../../ui/Link';
import { AREA_TYPE, CONTEXT_CLASS, label } from '../../i18n/catalogue';
import { number } from '../../i18n/format';
import { regionName } from '../../shell/scope';
import { EmptyState } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useRegionScope } from './scope';

/** The agencies in the user's scope, each opening its own pages. */
export default function AgenciesPage() {
  const scope = useRegionScope({ year: false });
  return (
    <Page title="Agences" context={scope.label} actions={scope.controls}>
      <DataTable
        caption="Agences"
        rowKey={(a) => a.safir}
        rows={scope.agencies}
        empty={<EmptyState title="Aucune agence dans ce périmètre." />}
        columns={[
          { key: 'name', label: 'Agence', sort: (a) => a.name, render: (a) => <Link to={`/agence/${a.safir}`}>{a.name}</Link> },
          { key: 'safir', label: 'Code SAFIR', sort: (a) => a.safir, render: (a) => a.safir },
          { key: 'region', label: 'Région', sort: (a) => regionName(a.region), render: (a) => regionName(a.region) },
          { key: 'basin', label: 'Bassin d’emploi', sort: (a) => a.employmentBasin, render: (a) => a.employmentBasin },
          { key: 'area', label: 'Territoire', render: (a) => label(AREA_TYPE, a.areaType) },
          { key: 'context', label: 'Contexte', sort: (a) => a.contextClass, render: (a) => label(CONTEXT_CLASS, a.contextClass) },
          {
            key: 'unemployment',
            label: 'Chômage',
            numeric: true,
            sort: (a) => a.figures?.unemploymentRate ?? null,
            render: (a) => (a.figures ? `${number(a.figures.unemploymentRate)} %` : '—'),
          },
        ]}
      />
    </Page>
  );
}
