import { Link } from '../../ui/Link';
import { CommandForm } from '../../forms/CommandForm';
import { AREA_TYPE, CONTEXT_CLASS, label } from '../../i18n/catalogue';
import { date } from '../../i18n/format';
import { regionName, useAgencies } from '../../shell/scope';
import { Async, EmptyState } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { BasinsTable } from './BasinsTable';
import { registerAgency, registerBasin } from './commands';

/** The network's agencies, and the form to register one (administrators). */
export default function AgenciesAdmin() {
  const agencies = useAgencies();
  return (
    <Page title="Agences du réseau">
      <Async query={agencies}>
        {() => (
          <DataTable
            caption="Agences"
            rowKey={(a) => a.safir}
            rows={agencies.list}
            empty={<EmptyState title="Aucune agence enregistrée.">Enregistrez la première avec le formulaire ci-dessous.</EmptyState>}
            columns={[
              { key: 'name', label: 'Agence', sort: (a) => a.name, render: (a) => <Link to={`/agence/${a.safir}`}>{a.name}</Link> },
              { key: 'safir', label: 'Code SAFIR', sort: (a) => a.safir, render: (a) => a.safir },
              { key: 'region', label: 'Région', sort: (a) => regionName(a.region), render: (a) => regionName(a.region) },
              { key: 'department', label: 'Département', render: (a) => a.department },
              { key: 'basin', label: 'Bassin', render: (a) => <Link to={`/bassin/${a.employmentBasin}`}>{a.employmentBasin}</Link> },
              { key: 'area', label: 'Territoire', render: (a) => label(AREA_TYPE, a.areaType) },
              { key: 'context', label: 'Contexte', render: (a) => label(CONTEXT_CLASS, a.contextClass) },
              { key: 'since', label: 'Ouverte le', sort: (a) => a.registeredAt, render: (a) => date(a.registeredAt) },
            ]}
          />
        )}
      </Async>
      <div className="ancrage-panel fr-mt-4w">
        <CommandForm spec={registerAgency} params={{}} />
      </div>
      <h2 className="fr-h4 fr-mt-6w">Bassins d’emploi</h2>
      <p>Une agence s’enregistre dans un bassin déjà enregistré.</p>
      <BasinsTable />
      <div className="ancrage-panel fr-mt-4w">
        <CommandForm spec={registerBasin} params={{}} />
      </div>
    </Page>
  );
}
