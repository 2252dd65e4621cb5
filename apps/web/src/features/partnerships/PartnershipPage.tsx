import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useParams } from 'react-router';
import { $api, type Schemas } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { AGREEMENT_STATUS, EXPECTATION, PARTNER_CATEGORY, SCALE, SERVICE_OFFER, label } from '../../i18n/catalogue';
import { date, month } from '../../i18n/format';
import { usePast, useReadParams } from '../../shell/past';
import { useYear } from '../../shell/scope';
import { Chart, COLORS } from '../../ui/Chart';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from '../agency/useAgencyContext';
import { Referents } from '../referents/Referents';
import { AgreementDocuments } from '../documents/AgreementDocuments';
import { nameReferent } from '../referents/commands';
import * as forms from './commands';

type Entry = Schemas['DirectoryEntryView'];

/** One partner seen from one agency: what is agreed, how it goes, and the forms to record it. */
export default function PartnershipPage({ safir }: { safir: string }) {
  const { partnerId = '' } = useParams();
  const ctx = useAgencyContext(safir);
  const read = useReadParams();
  const partner = $api.useQuery('get', '/partners/{partnerId}', { params: { path: { partnerId }, query: read } });
  const directory = $api.useQuery('get', '/agencies/{safir}/partnerships', { params: { path: { safir }, query: { ...read, limit: 500 } } });
  const entry = directory.data?.items.find((e) => e.partnerId === partnerId);
  // The quality index over the twelve months up to the date read (or the agency's latest year of activity).
  const { asOf } = usePast();
  const { latestActivityYear } = useYear(safir);
  const to = asOf
    ? asOf.slice(0, 7)
    : latestActivityYear && latestActivityYear < new Date().getFullYear()
      ? `${latestActivityYear}-12`
      : undefined;
  const from = to ? `${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}` : undefined;
  const quality = $api.useQuery(
    'get',
    '/agencies/{safir}/partnerships/{partnerId}/quality',
    { params: { path: { safir, partnerId }, query: { ...read, ...(to ? { from, to } : {}) } } },
    { enabled: Boolean(entry) },
  );
  const path = { safir, partnerId };
  const name = partner.data?.name ?? (partner.error ? 'Partenaire inconnu' : 'Partenaire');

  return (
    <Page title={name} context={ctx.context} trail={[...ctx.trail, { label: 'Partenaires', to: `/agence/${safir}/partenaires` }]}>
      <Async
        query={partner}
        empty={
          <EmptyState title="Ce partenaire n’est pas dans le registre.">
            Choisissez-le dans la liste des partenaires de l’agence ou dans le registre.
          </EmptyState>
        }
      >
        {(p) => (
          <>
            <p>
              {label(PARTNER_CATEGORY, p.category)} — échelle {label(SCALE, p.scale).toLowerCase()}
              {p.siret ? ` — SIRET ${p.siret}` : ''}
              {p.dataInclusionCode ? ` — code data·inclusion ${p.dataInclusionCode}` : ''}
              {p.closed ? ' — partenaire clos' : ''}
            </p>
            <Summary entry={entry} defaultCircle={p.defaultCircle} />
            {entry && quality.data && (
              <Chart
                title="Indice de qualité du partenariat, mois par mois (sur 100)"
                labels={quality.data.series.map((m) => month(m.month))}
                series={[
                  { label: 'Note (50 points)', values: quality.data.series.map((m) => m.parts.score), color: COLORS.blue },
                  { label: 'Contacts (25 points)', values: quality.data.series.map((m) => m.parts.contacts), color: COLORS.teal },
                  {
                    label: 'Événements communs (15 points)',
                    values: quality.data.series.map((m) => m.parts.jointEvents),
                    color: COLORS.orange,
                  },
                  {
                    label: 'Convention en vigueur (10 points)',
                    values: quality.data.series.map((m) => m.parts.agreement),
                    color: COLORS.grey,
                  },
                ]}
                stacked
              />
            )}
            {entry && <Expectations entry={entry} safir={safir} canWrite={ctx.canWrite} />}
            <Referents safir={safir} partnerId={partnerId} canWrite={ctx.canWrite && !p.closed} />
            <AgreementDocuments safir={safir} partnerId={partnerId} agreementId={entry?.agreementId ?? null} canWrite={ctx.canWrite} />
            {ctx.canWrite && !p.closed && (
              <section aria-labelledby="record" className="fr-mt-4w">
                <h2 id="record" className="fr-h4">
                  Enregistrer
                </h2>
                <Tabs
                  label="Que voulez-vous enregistrer ?"
                  tabs={[
                    { label: 'Un contact', content: <CommandForm spec={forms.logContact} params={path} bare /> },
                    { label: 'Une convention', content: <AgreementForms entry={entry} path={path} /> },
                    { label: 'Une évaluation', content: <CommandForm spec={forms.assessQuality} params={path} bare /> },
                    { label: 'Une attente', content: <CommandForm spec={forms.recordExpectation} params={path} bare /> },
                    { label: 'Un référent', content: <CommandForm spec={nameReferent} params={path} initial={{ side: 'PARTNER' }} bare /> },
                    {
                      label: 'Le cercle',
                      content: (
                        <CommandForm
                          spec={forms.assignCircle(p.defaultCircle)}
                          params={path}
                          initial={{ circle: String(entry?.effectiveCircle ?? p.defaultCircle) }}
                          bare
                        />
                      ),
                    },
                  ]}
                />
              </section>
            )}
            {ctx.canWrite && !p.closed && (
              <details className="fr-mt-4w">
                <summary>Modifier ou clore ce partenaire dans le registre partagé</summary>
                <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
                  <div className="fr-col-12 fr-col-md-6">
                    <CommandForm
                      spec={forms.updatePartner}
                      params={{ partnerId }}
                      initial={{ name: p.name, scale: p.scale, siret: p.siret ?? '' }}
                    />
                  </div>
                  <div className="fr-col-12 fr-col-md-6">
                    <CommandForm spec={forms.closePartner} params={{ partnerId }} />
                  </div>
                </div>
              </details>
            )}
          </>
        )}
      </Async>
    </Page>
  );
}

function Summary({ entry, defaultCircle }: { entry: Entry | undefined; defaultCircle: number }) {
  if (!entry) {
    return (
      <EmptyState title="L’agence n’a encore rien enregistré avec ce partenaire.">
        Enregistrez un contact, une convention ou une évaluation : le partenariat apparaîtra dans la liste de l’agence.
      </EmptyState>
    );
  }
  const agreement =
    entry.agreementStatus === 'NONE'
      ? 'Aucune'
      : `${label(AGREEMENT_STATUS, entry.agreementStatus)}${entry.agreementReference ? ` (${entry.agreementReference})` : ''}`;
  return (
    <Figures
      items={[
        {
          label: 'Cercle de priorité',
          value: `Cercle ${entry.effectiveCircle}`,
          detail:
            entry.circle && entry.circle !== defaultCircle
              ? `par défaut : ${defaultCircle} — ${entry.circleReason ?? ''}`
              : 'cercle par défaut de la catégorie',
        },
        {
          label: 'Convention',
          value: agreement,
          detail: entry.agreementStart
            ? `du ${date(entry.agreementStart)}${entry.agreementEnd ? ` au ${date(entry.agreementEnd)}` : ''}${
                entry.agreementServices?.length ? ` — ${entry.agreementServices.map((s) => label(SERVICE_OFFER, s)).join(', ')}` : ''
              }`
            : undefined,
          tone: entry.agreementStatus === 'ACTIVE' ? 'success' : 'default',
        },
        {
          label: 'Dernière évaluation',
          value: entry.lastScore === null ? 'Aucune' : `${entry.lastScore} / 4`,
          detail: entry.lastAssessedOn ? `le ${date(entry.lastAssessedOn)}` : undefined,
        },
        { label: 'Contacts enregistrés', value: entry.contacts },
        { label: 'Attentes ouvertes', value: entry.openExpectations, tone: entry.openExpectations > 0 ? 'warning' : 'default' },
      ]}
    />
  );
}

function AgreementForms({ entry, path }: { entry: Entry | undefined; path: { safir: string; partnerId: string } }) {
  const current =
    entry?.agreementId && entry.agreementStatus !== 'TERMINATED' && entry.agreementStatus !== 'EXPIRED' ? entry.agreementId : null;
  if (!current) return <CommandForm spec={forms.signAgreement} params={path} initial={{ formal: true }} bare />;
  const agreement = { ...path, agreementId: current };
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-4">
        <CommandForm spec={forms.renewAgreement} params={agreement} />
      </div>
      <div className="fr-col-12 fr-col-md-4">
        <CommandForm spec={forms.amendAgreement} params={agreement} />
      </div>
      <div className="fr-col-12 fr-col-md-4">
        <CommandForm spec={forms.terminateAgreement} params={agreement} />
      </div>
    </div>
  );
}

function Expectations({ entry, safir, canWrite }: { entry: Entry; safir: string; canWrite: boolean }) {
  const open = entry.expectations.filter((x) => x.addressedAt === null);
  return (
    <section aria-labelledby="expectations" className="fr-mt-4w">
      <h2 id="expectations" className="fr-h4">
        Attentes du partenaire
      </h2>
      <DataTable
        caption="Attentes du partenaire"
        rowKey={(x) => x.expectationId}
        rows={entry.expectations}
        empty={<EmptyState title="Aucune attente enregistrée." />}
        columns={[
          { key: 'expectation', label: 'Attente', render: (x) => label(EXPECTATION, x.expectation) },
          { key: 'note', label: 'Précisions', render: (x) => x.note ?? '—' },
          { key: 'recordedAt', label: 'Exprimée le', sort: (x) => x.recordedAt, render: (x) => date(x.recordedAt) },
          {
            key: 'addressedAt',
            label: 'Traitée',
            render: (x) => (x.addressedAt ? `le ${date(x.addressedAt)}${x.addressedNote ? ` — ${x.addressedNote}` : ''}` : 'non'),
          },
        ]}
      />
      {canWrite &&
        open.map((x) => (
          <details key={x.expectationId} className="fr-mb-2w">
            <summary>Traiter l’attente « {label(EXPECTATION, x.expectation)} »</summary>
            <CommandForm
              spec={forms.addressExpectation}
              params={{ safir, partnerId: entry.partnerId, expectationId: x.expectationId }}
              bare
            />
          </details>
        ))}
    </section>
  );
}
