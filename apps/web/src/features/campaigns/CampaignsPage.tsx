import { useState } from 'react';
import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { CAMPAIGN_ROLE, CAMPAIGN_STATUS, SERVICE_OFFER, label } from '../../i18n/catalogue';
import { date, number, percent } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { agencyLabel, useAgencies } from '../../shell/scope';
import { Chart, COLORS } from '../../ui/Chart';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from '../agency/useAgencyContext';
import { usePartnerNames } from '../partnerships/usePartnerNames';
import { addCampaignAgency, closeCampaign, launchCampaign, reportCampaign } from './commands';

/** Recruitment campaigns the agency leads or takes part in (encadré 2 of the study), with other agencies of any territory. */
export default function CampaignsPage({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const read = useReadParams();
  const campaigns = $api.useQuery('get', '/agencies/{safir}/campaigns', { params: { path: { safir }, query: { ...read, limit: 500 } } });
  const register = $api.useQuery('get', '/partners', { params: { query: { limit: 500 } } }, { enabled: ctx.canWrite });
  const employers = (register.data?.items ?? [])
    .filter((p) => !p.closed && (p.category === 'EMPLOYER' || p.category === 'EMPLOYER_GROUP'))
    .map((p) => ({ value: p.partnerId, label: p.name }));
  const names = usePartnerNames();
  const agencies = useAgencies();

  return (
    <Page title="Campagnes de recrutement" context={ctx.context} trail={ctx.trail}>
      <Async query={campaigns}>
        {(data) => (
          <>
            <DataTable
              caption="Campagnes de l’agence"
              rowKey={(c) => c.campaignId}
              rows={data.items}
              empty={
                <EmptyState title="Aucune campagne de recrutement.">
                  {ctx.canWrite ? 'Lancez-en une avec le formulaire ci-dessous.' : null}
                </EmptyState>
              }
              columns={[
                { key: 'name', label: 'Campagne', sort: (c) => c.name, render: (c) => c.name },
                {
                  key: 'employer',
                  label: 'Employeur',
                  render: (c) => (c.employerPartnerId ? (names.get(c.employerPartnerId) ?? c.employerPartnerId) : '—'),
                },
                {
                  key: 'role',
                  label: 'Rôle de l’agence',
                  render: (c) => label(CAMPAIGN_ROLE, c.agencies.find((a) => a.safir === safir)?.role),
                },
                {
                  key: 'agencies',
                  label: 'Agences',
                  numeric: true,
                  sort: (c) => c.agencies.length,
                  render: (c) => number(c.agencies.length),
                },
                { key: 'started', label: 'Lancée le', sort: (c) => c.startedOn, render: (c) => date(c.startedOn) },
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
            {data.items.map((c) => (
              <CampaignDetails
                key={c.campaignId}
                safir={safir}
                campaignId={c.campaignId}
                name={c.name}
                lead={c.leadSafir === safir}
                closed={c.status === 'CLOSED'}
                canWrite={ctx.canWrite}
                agencyOptions={agencies.list
                  .filter((a) => !c.agencies.some((p) => p.safir === a.safir))
                  .map((a) => ({ value: a.safir, label: agencyLabel(a, a.safir) }))}
                agencyName={(code) => agencyLabel(agencies.byCode.get(code), code)}
              />
            ))}
          </>
        )}
      </Async>
      {ctx.canWrite && (
        <section className="ancrage-panel fr-mt-4w" aria-label="Lancer une campagne">
          <CommandForm spec={launchCampaign(employers)} params={{ safir }} />
        </section>
      )}
    </Page>
  );
}

function CampaignDetails(props: {
  safir: string;
  campaignId: string;
  name: string;
  lead: boolean;
  closed: boolean;
  canWrite: boolean;
  agencyOptions: { value: string; label: string }[];
  agencyName: (safir: string) => string;
}) {
  const { safir, campaignId } = props;
  const [open, setOpen] = useState(false);
  const read = useReadParams();
  const detail = $api.useQuery(
    'get',
    '/agencies/{safir}/campaigns/{campaignId}',
    { params: { path: { safir, campaignId }, query: read } },
    { enabled: open },
  );
  const params = { safir, campaignId };
  return (
    <details className="fr-mb-2w" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        « {props.name} » : les chiffres de chaque agence{props.canWrite ? ' et ce qui s’y enregistre' : ''}
      </summary>
      {open && (
        <Async query={detail}>
          {(d) => (
            <>
              <Figures
                items={[
                  { label: 'Postes à pourvoir', value: number(d.posts) },
                  { label: 'Candidatures traitées', value: number(d.totals.applications) },
                  { label: 'Recrutements', value: number(d.totals.hires), tone: 'success' },
                  { label: 'Postes pourvus', value: percent(d.totals.fillRate) },
                  { label: 'Conseillers dédiés', value: number(d.dedicatedAdvisers) },
                ]}
              />
              <p className="fr-text--sm">
                Offre de services mobilisée : {d.services.map((s) => label(SERVICE_OFFER, s).toLowerCase()).join(', ') || 'non précisée'}.
                {d.outcome ? ` Bilan : ${d.outcome}` : ''}
              </p>
              {d.progress.length > 0 && (
                <Chart
                  title="Recrutements et candidatures, cumulés"
                  labels={d.progress.map((p) => date(p.on))}
                  series={[
                    { label: 'Recrutements', values: d.progress.map((p) => p.hires), color: COLORS.green, kind: 'line' },
                    { label: 'Candidatures traitées', values: d.progress.map((p) => p.applications), color: COLORS.blue, kind: 'line' },
                  ]}
                  counts
                  height={220}
                />
              )}
              <DataTable
                caption={`Agences de « ${d.name} »`}
                rowKey={(a) => a.safir}
                rows={d.agencies}
                columns={[
                  { key: 'agency', label: 'Agence', render: (a) => props.agencyName(a.safir) },
                  { key: 'role', label: 'Rôle', render: (a) => label(CAMPAIGN_ROLE, a.role) },
                  { key: 'joined', label: 'Depuis le', render: (a) => date(a.joinedOn) },
                  { key: 'applications', label: 'Candidatures', numeric: true, render: (a) => number(a.applications) },
                  { key: 'hires', label: 'Recrutements', numeric: true, render: (a) => number(a.hires) },
                  { key: 'last', label: 'Chiffres au', render: (a) => date(a.lastReportOn) },
                ]}
              />
            </>
          )}
        </Async>
      )}
      {props.canWrite && (
        <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
          <div className="fr-col-12 fr-col-md-6">
            <CommandForm spec={reportCampaign} params={params} />
          </div>
          {props.lead && !props.closed && (
            <div className="fr-col-12 fr-col-md-6">
              <CommandForm spec={addCampaignAgency(props.agencyOptions)} params={params} />
              <CommandForm spec={closeCampaign} params={params} />
            </div>
          )}
        </div>
      )}
    </details>
  );
}
