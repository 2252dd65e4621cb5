import { useParams } from 'react-router';
import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { AREA_TYPE, INSTANCE_KIND, PARTNER_CATEGORY, label } from '../../i18n/catalogue';
import { date, number } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { regionName } from '../../shell/scope';
import { useSession } from '../../shell/session';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Link } from '../../ui/Link';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { assignLead } from './commands';

/**
 * An employment basin as its agencies share it: the partners several of them work with and the
 * agency that leads each, the instances they sit in, the campaigns they run together.
 */
export default function BasinPage() {
  const code = useParams().code ?? '';
  const read = useReadParams();
  const session = useSession();
  const basin = $api.useQuery('get', '/basins/{code}', { params: { path: { code }, query: read } });
  const region = code.slice(0, 2);
  const canShare = session.roles.has('admin') || session.national || session.directedRegions.includes(region);
  // The partners a lead can be given: the open ones of the register.
  const register = $api.useQuery('get', '/partners', { params: { query: { limit: 500 } } }, { enabled: canShare });
  const openPartners = (register.data?.items ?? []).filter((p) => !p.closed).map((p) => ({ value: p.partnerId, label: p.name }));
  return (
    <Page title={basin.data ? `Bassin d’emploi ${basin.data.name}` : 'Bassin d’emploi'} context={`zone d’emploi ${code}`}>
      <Async query={basin}>
        {(b) => {
          const agencyName = (safir: string) => b.agencies.find((a) => a.safir === safir)?.name ?? `agence ${safir}`;
          const led = b.partners.filter((p) => p.leadSafir !== null).length;
          return (
            <>
              <p>
                {regionName(b.region)} ; {b.departments.map((d) => `${d.name} (${d.code})`).join(', ')}. Connu depuis le{' '}
                {date(b.registeredOn)}.
              </p>
              <Figures
                items={[
                  { label: 'Agences du bassin', value: number(b.agencies.length) },
                  { label: 'Partenaires partagés ou confiés', value: number(b.partners.length) },
                  {
                    label: 'Dont avec une agence cheffe de file',
                    value: number(led),
                    tone: led < b.partners.length ? 'warning' : 'success',
                  },
                  { label: 'Instances', value: number(b.instances.length) },
                ]}
              />
              <DataTable
                caption="Agences"
                rowKey={(a) => a.safir}
                rows={b.agencies}
                empty={<EmptyState title="Aucune agence enregistrée dans ce bassin." />}
                columns={[
                  { key: 'name', label: 'Agence', sort: (a) => a.name, render: (a) => <Link to={`/agence/${a.safir}`}>{a.name}</Link> },
                  { key: 'safir', label: 'Code SAFIR', render: (a) => a.safir },
                  { key: 'department', label: 'Département', render: (a) => a.department },
                  { key: 'area', label: 'Territoire', render: (a) => label(AREA_TYPE, a.areaType) },
                ]}
              />
              <DataTable
                caption="Partenaires partagés entre les agences, et qui en est cheffe de file"
                rowKey={(p) => p.partnerId}
                rows={b.partners}
                empty={
                  <EmptyState title="Aucun partenaire partagé.">
                    Un partenaire apparaît ici dès que deux agences du bassin travaillent avec lui, ou qu’une agence en est cheffe de file.
                  </EmptyState>
                }
                columns={[
                  { key: 'name', label: 'Partenaire', sort: (p) => p.name ?? p.partnerId, render: (p) => p.name ?? p.partnerId },
                  { key: 'category', label: 'Catégorie', render: (p) => label(PARTNER_CATEGORY, p.category) },
                  {
                    key: 'agencies',
                    label: 'Agences qui travaillent avec lui',
                    render: (p) => p.agencies.map(agencyName).join(', ') || '—',
                  },
                  {
                    key: 'lead',
                    label: 'Cheffe de file',
                    sort: (p) => p.leadSafir ?? '',
                    render: (p) => (p.leadSafir ? `${agencyName(p.leadSafir)} depuis le ${date(p.leadSince)}` : 'non désignée'),
                  },
                  { key: 'note', label: 'Motif', render: (p) => p.leadNote ?? '—' },
                ]}
              />
              <DataTable
                caption="Instances où siègent les agences du bassin"
                rowKey={(i) => `${i.safir}-${i.instanceId}`}
                rows={b.instances}
                empty={<EmptyState title="Aucune instance enregistrée." />}
                columns={[
                  { key: 'name', label: 'Instance', sort: (i) => i.name, render: (i) => i.name },
                  { key: 'kind', label: 'Nature', render: (i) => label(INSTANCE_KIND, i.kind) },
                  { key: 'agency', label: 'Agence', render: (i) => <Link to={`/agence/${i.safir}/instances`}>{agencyName(i.safir)}</Link> },
                ]}
              />
              <DataTable
                caption="Campagnes et projets inter-agences"
                rowKey={(c) => c.campaignId}
                rows={b.campaigns}
                empty={<EmptyState title="Aucune campagne dans ce bassin." />}
                columns={[
                  { key: 'name', label: 'Campagne', sort: (c) => c.name, render: (c) => c.name },
                  { key: 'lead', label: 'Agence pilote', render: (c) => agencyName(c.leadSafir) },
                  { key: 'agencies', label: 'Agences du bassin associées', render: (c) => c.agencies.map(agencyName).join(', ') },
                  { key: 'closed', label: 'Close le', render: (c) => (c.closedOn ? date(c.closedOn) : 'en cours') },
                ]}
              />
              {canShare && b.agencies.length > 0 && (
                <div className="ancrage-panel fr-mt-4w">
                  <CommandForm
                    spec={assignLead(
                      b.agencies.map((a) => ({ value: a.safir, label: a.name })),
                      openPartners,
                    )}
                    params={{ code }}
                  />
                </div>
              )}
            </>
          );
        }}
      </Async>
    </Page>
  );
}
