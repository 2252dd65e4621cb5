import { useState } from 'react';
import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { ATTENDEE_ROLE, INSTANCE_KIND, label } from '../../i18n/catalogue';
import { date, number, percent } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { useYear } from '../../shell/scope';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from '../agency/useAgencyContext';
import { usePartnerNames } from '../partnerships/usePartnerNames';
import { changeMembers, joinInstance, leaveInstance, recordMeeting } from './commands';
import { YearSelect } from '../../shell/YearSelect';

type Option = { value: string; label: string };

/** The SPE de proximité, the cercle de l'alternance, business clubs…: where the agency sits, and how often it is there. */
export default function InstancesPage({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const read = useReadParams();
  const { year, setYear } = useYear(safir);
  const instances = $api.useQuery('get', '/agencies/{safir}/instances', {
    params: { path: { safir }, query: { ...read, year, limit: 500 } },
  });
  const names = usePartnerNames();
  const directory = $api.useQuery(
    'get',
    '/agencies/{safir}/partnerships',
    { params: { path: { safir }, query: { limit: 500 } } },
    { enabled: ctx.canWrite },
  );
  const partners: Option[] = (directory.data?.items ?? [])
    .filter((e) => e.partner && !e.partner.closed)
    .map((e) => ({ value: e.partnerId, label: e.partner!.name }));

  return (
    <Page title="Instances et réseaux partenariaux" context={ctx.context} trail={ctx.trail}>
      <div className="ancrage-toolbar">
        <YearSelect year={year} setYear={setYear} />
      </div>
      <Async query={instances}>
        {(data) => (
          <>
            <Figures
              items={[
                { label: 'Instances où siège l’agence', value: number(data.totals.instances) },
                { label: 'Réunions de l’année', value: number(data.totals.meetings) },
                { label: 'Réunions où l’agence était représentée', value: number(data.totals.attended) },
                {
                  label: 'Taux de présence',
                  value: percent(data.totals.rate),
                  tone: data.totals.rate !== null && data.totals.rate >= 0.75 ? 'success' : undefined,
                },
              ]}
            />
            <p className="fr-text--sm">
              Le profil d’ancrage compte un point de proactivité quand l’agence est représentée à trois réunions sur quatre au moins.
            </p>
            <DataTable
              caption={`Instances ${year}`}
              rowKey={(i) => i.instanceId}
              rows={data.items}
              empty={
                <EmptyState title={`Aucune instance enregistrée pour ${year}.`}>
                  {ctx.canWrite ? 'Enregistrez celles où siège l’agence avec le formulaire ci-dessous.' : null}
                </EmptyState>
              }
              columns={[
                { key: 'name', label: 'Instance', sort: (i) => i.name, render: (i) => i.name },
                { key: 'kind', label: 'Type', sort: (i) => label(INSTANCE_KIND, i.kind), render: (i) => label(INSTANCE_KIND, i.kind) },
                {
                  key: 'members',
                  label: 'Partenaires membres',
                  render: (i) => i.memberPartnerIds.map((id) => names.get(id) ?? id).join(', ') || '—',
                },
                {
                  key: 'attendance',
                  label: 'Présence',
                  numeric: true,
                  sort: (i) => i.attendance.rate,
                  render: (i) =>
                    i.attendance.meetings ? `${i.attendance.attended} sur ${i.attendance.meetings} (${percent(i.attendance.rate)})` : '—',
                },
                { key: 'last', label: 'Dernière réunion', sort: (i) => i.lastMeetingOn, render: (i) => date(i.lastMeetingOn) },
                {
                  key: 'left',
                  label: 'État',
                  render: (i) =>
                    i.leftOn ? `Quittée le ${date(i.leftOn)}${i.leaveReason ? ` (${i.leaveReason})` : ''}` : 'L’agence y siège',
                },
              ]}
            />
            {data.items.map((i) => (
              <InstanceDetails
                key={i.instanceId}
                safir={safir}
                instanceId={i.instanceId}
                name={i.name}
                members={i.memberPartnerIds}
                left={i.leftOn !== null}
                canWrite={ctx.canWrite}
                partners={partners}
                names={names}
              />
            ))}
          </>
        )}
      </Async>
      {ctx.canWrite && (
        <section className="ancrage-panel fr-mt-4w" aria-label="Enregistrer une instance">
          <CommandForm spec={joinInstance(partners)} params={{ safir }} />
        </section>
      )}
    </Page>
  );
}

/** One instance's meetings, read when opened, with what the manager may record on it. */
function InstanceDetails(props: {
  safir: string;
  instanceId: string;
  name: string;
  members: string[];
  left: boolean;
  canWrite: boolean;
  partners: Option[];
  names: Map<string, string>;
}) {
  const { safir, instanceId } = props;
  const [open, setOpen] = useState(false);
  const read = useReadParams();
  const detail = $api.useQuery(
    'get',
    '/agencies/{safir}/instances/{instanceId}',
    { params: { path: { safir, instanceId }, query: read } },
    { enabled: open },
  );
  const params = { safir, instanceId };
  return (
    <details className="fr-mb-2w" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        « {props.name} » : ses réunions{props.canWrite ? ' et ce qui s’y enregistre' : ''}
      </summary>
      {open && (
        <Async query={detail}>
          {(d) => (
            <DataTable
              caption={`Réunions de « ${d.name} »`}
              rowKey={(m) => m.meetingId}
              rows={d.meetings}
              empty={<EmptyState title="Aucune réunion enregistrée." />}
              columns={[
                { key: 'date', label: 'Date', sort: (m) => m.date, render: (m) => date(m.date) },
                { key: 'topic', label: 'Ordre du jour', render: (m) => m.topic },
                {
                  key: 'attended',
                  label: 'Agence représentée',
                  render: (m) =>
                    m.attended ? `Oui : ${m.attendedBy.map((r) => label(ATTENDEE_ROLE, r).toLowerCase()).join(', ')}` : 'Non',
                },
                { key: 'note', label: 'Compte rendu', render: (m) => m.note ?? '—' },
              ]}
            />
          )}
        </Async>
      )}
      {props.canWrite && (
        <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
          <div className="fr-col-12 fr-col-md-6">
            <CommandForm spec={recordMeeting} params={params} />
          </div>
          {!props.left && (
            <div className="fr-col-12 fr-col-md-6">
              <CommandForm
                spec={changeMembers(
                  props.partners.filter((p) => !props.members.includes(p.value)),
                  props.members.map((id) => ({ value: id, label: props.names.get(id) ?? id })),
                )}
                params={params}
              />
              <CommandForm spec={leaveInstance} params={params} />
            </div>
          )}
        </div>
      )}
    </details>
  );
}
