import { $api } from '../../api/client';
import { CAMPAIGN_STATUS, label } from '../../i18n/catalogue';
import { date, number, percent } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { Async, EmptyState } from '../../ui/Feedback';
import { Link } from '../../ui/Link';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useRegionScope } from './scope';

/** The recruitment campaigns and multi-agency projects the territory's agencies take part in. */
export default function CampaignsOverview() {
  const read = useReadParams();
  const scope = useRegionScope({ year: false });
  const campaigns = $api.useQuery('get', '/campaigns', {
    params: { query: { ...read, ...(scope.region ? { region: scope.region } : {}), limit: 500 } },
  });
  return (
    <Page title="Campagnes de recrutement et projets inter-agences" context={scope.label} actions={scope.controls}>
      <Async query={campaigns}>
        {(data) => (
          <DataTable
            caption="Campagnes"
            rowKey={(c) => c.campaignId}
            rows={data.items}
            empty={<EmptyState title="Aucune campagne dans ce périmètre." />}
            columns={[
              { key: 'name', label: 'Campagne', sort: (c) => c.name, render: (c) => c.name },
              {
                key: 'lead',
                label: 'Agence pilote',
                sort: (c) => c.leadSafir,
                render: (c) => <Link to={`/agence/${c.leadSafir}/campagnes`}>{scope.agencyName(c.leadSafir)}</Link>,
              },
              {
                key: 'agencies',
                label: 'Agences associées',
                render: (c) =>
                  c.agencies
                    .filter((a) => a.role === 'PARTICIPANT')
                    .map((a) => scope.agencyName(a.safir))
                    .join(', ') || '—',
              },
              { key: 'started', label: 'Lancée le', sort: (c) => c.startedOn, render: (c) => date(c.startedOn) },
              {
                key: 'applications',
                label: 'Candidatures',
                numeric: true,
                sort: (c) => c.totals.applications,
                render: (c) => number(c.totals.applications),
              },
              {
                key: 'hires',
                label: 'Recrutements / postes',
                numeric: true,
                sort: (c) => c.totals.fillRate,
                render: (c) => `${number(c.totals.hires)} sur ${number(c.posts)} (${percent(c.totals.fillRate)})`,
              },
              { key: 'status', label: 'État', sort: (c) => c.status, render: (c) => label(CAMPAIGN_STATUS, c.status) },
            ]}
          />
        )}
      </Async>
    </Page>
  );
}
