import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { $api, type Schemas } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { EXPENDITURE_CATEGORY, FUNDING_ROUTE, label } from '../../i18n/catalogue';
import { date, euros, month, percent } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { useYear } from '../../shell/scope';
import { useSession } from '../../shell/session';
import { Chart, COLORS } from '../../ui/Chart';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from '../agency/useAgencyContext';
import * as forms from './commands';
import { RequestsTable } from './RequestsTable';
import { YearSelect } from '../../shell/YearSelect';

type Commitment = Schemas['FundCommitmentView'];
const euroAxis = (v: number) => euros(v * 100, true);

/** The agency's "5%" of a year: what is allocated, committed, paid and left, and where it goes. */
export default function FundPage({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const session = useSession();
  const read = useReadParams();
  const { year, setYear } = useYear(safir);
  const path = { safir, year };
  const fund = $api.useQuery('get', '/agencies/{safir}/fund/{year}', { params: { path, query: read } }, { retry: false });
  const commitments = $api.useQuery(
    'get',
    '/agencies/{safir}/fund/{year}/commitments',
    { params: { path, query: { ...read, limit: 500 } } },
    { enabled: Boolean(fund.data) },
  );
  const partners = $api.useQuery(
    'get',
    '/agencies/{safir}/partnerships',
    { params: { path: { safir }, query: { limit: 500 } } },
    { enabled: ctx.canWrite },
  );
  const plan = $api.useQuery('get', '/agencies/{safir}/action-plans/{year}', { params: { path } }, { enabled: ctx.canWrite, retry: false });
  const partnerOptions = (partners.data?.items ?? []).map((e) => ({ value: e.partnerId, label: e.partner?.name ?? e.partnerId }));
  const actionOptions = (plan.data?.actions ?? []).map((a) => ({ value: a.actionId, label: a.title }));
  const names = new Map(partnerOptions.map((o) => [o.value, o.label]));
  const mayAllocate =
    session.roles.has('admin') || session.national || (ctx.agency ? session.directedRegions.includes(ctx.agency.region) : false);

  return (
    <Page title={`Fonds « 5 % » ${year}`} context={ctx.context} trail={ctx.trail}>
      <div className="ancrage-toolbar">
        <YearSelect year={year} setYear={setYear} />
      </div>
      <Async
        query={fund}
        empty={
          <>
            <EmptyState title={`Aucune enveloppe « 5 % » n’est allouée à l’agence pour ${year}.`}>
              L’enveloppe est allouée par la direction régionale ou l’administration ; les dépenses s’engagent ensuite ici.
            </EmptyState>
            {mayAllocate && !read.asOf && !read.knownAt && <CommandForm spec={forms.allocateEnvelope} params={path} />}
          </>
        }
      >
        {(f) => (
          <>
            {f.forecast.exhaustedBeforeYearEnd && f.forecast.projectedExhaustionDate && (
              <Alert
                severity="warning"
                className="fr-mb-3w"
                title={`À ce rythme, l’enveloppe sera épuisée le ${date(f.forecast.projectedExhaustionDate)}, avant la fin de l’année.`}
                description={`Rythme constaté : ${euros(f.forecast.burnRateCentsPerDay)} engagés par jour depuis le 1er janvier (${f.forecast.daysElapsed} jours).`}
              />
            )}
            {f.closed && (
              <Alert
                severity="info"
                small
                className="fr-mb-3w"
                description="L’exercice est clôturé : plus rien ne peut y être enregistré."
              />
            )}
            <Figures
              items={[
                {
                  label: 'Enveloppe',
                  value: euros(f.envelopeCents, true),
                  detail: f.authorisedOverCents ? `+ ${euros(f.authorisedOverCents, true)} de dépassement autorisé` : undefined,
                },
                {
                  label: 'Engagé',
                  value: euros(f.committedCents, true),
                  detail: `${percent(f.envelopeCents ? f.committedCents / f.envelopeCents : 0)} de l’enveloppe`,
                },
                { label: 'Payé', value: euros(f.paidCents, true) },
                { label: 'Reste à engager', value: euros(f.headroomCents, true), tone: f.headroomCents <= 0 ? 'warning' : 'success' },
                {
                  label: 'Aides à la mobilité',
                  value: percent(f.mobilityShare),
                  detail: `dont hors bassin : ${percent(f.mobilityLeavingBasinShare)}`,
                },
              ]}
            />
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-lg-7">
                <Chart
                  title="Consommation cumulée, mois par mois (en euros)"
                  labels={f.months.map((m) => month(m.month, true))}
                  series={[
                    { label: 'Enveloppe', values: f.months.map((m) => m.envelopeCents / 100), color: COLORS.grey, kind: 'line' },
                    { label: 'Engagé', values: f.months.map((m) => m.committedCents / 100), color: COLORS.blue },
                    { label: 'Payé', values: f.months.map((m) => m.paidCents / 100), color: COLORS.green },
                  ]}
                  format={euroAxis}
                />
              </div>
              <div className="fr-col-12 fr-col-lg-5">
                <Chart
                  title="Engagé par nature de dépense (en euros)"
                  labels={Object.keys(f.committedByCategory).map((c) => label(EXPENDITURE_CATEGORY, c))}
                  series={[{ label: 'Engagé', values: Object.values(f.committedByCategory).map((c) => c / 100), color: COLORS.purple }]}
                  horizontal
                  format={euroAxis}
                />
              </div>
            </div>
            <h2 className="fr-h4">Engagements</h2>
            <Async query={commitments}>
              {(list) => (
                <>
                  <CommitmentsTable rows={list.items} names={names} />
                  {ctx.canWrite && !f.closed && list.items.length > 0 && <CommitmentActions rows={list.items} safir={safir} year={year} />}
                </>
              )}
            </Async>
            <RequestsTable safir={safir} year={year} />
            {ctx.canWrite && !f.closed && (
              <div className="fr-grid-row fr-grid-row--gutters fr-mt-4w">
                <section className="fr-col-12 fr-col-md-7" aria-label="Engager une dépense">
                  <div className="ancrage-panel">
                    <CommandForm spec={forms.commitExpenditure(partnerOptions, actionOptions)} params={path} />
                  </div>
                </section>
                <section className="fr-col-12 fr-col-md-5" aria-label="Demander un dépassement">
                  <div className="ancrage-panel">
                    <CommandForm spec={forms.requestOverCommitment} params={path} />
                  </div>
                </section>
              </div>
            )}
            {mayAllocate && !f.closed && !read.asOf && !read.knownAt && (
              <details className="fr-mt-4w">
                <summary>Enveloppe : ajuster, autoriser un dépassement, clôturer l’exercice</summary>
                <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
                  <div className="fr-col-12 fr-col-md-4">
                    <CommandForm spec={forms.adjustEnvelope} params={path} />
                  </div>
                  <div className="fr-col-12 fr-col-md-4">
                    <CommandForm spec={forms.authoriseOverCommitment()} params={path} />
                  </div>
                  <div className="fr-col-12 fr-col-md-4">
                    <CommandForm spec={forms.closeFundYear} params={path} />
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

function CommitmentsTable({ rows, names }: { rows: Commitment[]; names: Map<string, string> }) {
  return (
    <DataTable
      caption="Engagements de l’année"
      rowKey={(c) => c.commitmentId}
      rows={rows}
      initialSort={{ key: 'date', descending: true }}
      empty={<EmptyState title="Aucune dépense engagée cette année." />}
      columns={[
        { key: 'date', label: 'Date', sort: (c) => c.committedAt, render: (c) => date(c.committedAt) },
        {
          key: 'category',
          label: 'Nature',
          sort: (c) => label(EXPENDITURE_CATEGORY, c.category),
          render: (c) => label(EXPENDITURE_CATEGORY, c.category),
        },
        { key: 'route', label: 'Voie', render: (c) => label(FUNDING_ROUTE, c.route) },
        { key: 'rationale', label: 'Justification', render: (c) => c.rationale },
        {
          key: 'beneficiary',
          label: 'Bénéficiaire',
          render: (c) => (c.beneficiaryPartnerId ? (names.get(c.beneficiaryPartnerId) ?? c.beneficiaryPartnerId) : '—'),
        },
        { key: 'amount', label: 'Engagé', numeric: true, sort: (c) => c.amountCents, render: (c) => euros(c.amountCents) },
        { key: 'paid', label: 'Payé', numeric: true, sort: (c) => c.paidCents, render: (c) => euros(c.paidCents) },
        { key: 'released', label: 'Libéré', numeric: true, sort: (c) => c.releasedCents, render: (c) => euros(c.releasedCents) },
      ]}
    />
  );
}

function CommitmentActions({ rows, safir, year }: { rows: Commitment[]; safir: string; year: number }) {
  return (
    <>
      {rows.map((c) => {
        const unpaid = c.amountCents - c.paidCents - c.releasedCents;
        if (unpaid <= 0 && c.payments.length === 0) return null;
        const path = { safir, year, commitmentId: c.commitmentId };
        return (
          <details key={c.commitmentId} className="fr-mb-1w">
            <summary>
              {label(EXPENDITURE_CATEGORY, c.category)} du {date(c.committedAt)} ({euros(c.amountCents)}) : payer, libérer ou corriger
            </summary>
            <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
              {unpaid > 0 && (
                <div className="fr-col-12 fr-col-md-4">
                  <CommandForm spec={forms.recordPayment} params={path} />
                  <p className="fr-text--xs">Reste à payer : {euros(unpaid)}</p>
                </div>
              )}
              {unpaid > 0 && (
                <div className="fr-col-12 fr-col-md-4">
                  <CommandForm spec={forms.releaseCommitment} params={path} />
                </div>
              )}
              {c.payments.map((p) => (
                <div key={p.paymentId} className="fr-col-12 fr-col-md-4">
                  <p className="fr-text--sm fr-mb-1w">
                    Paiement du {date(p.paidAt)} : {euros(p.amountCents)}
                    {p.recordedCents !== null ? ` (saisi ${euros(p.recordedCents)}, corrigé)` : ''}
                  </p>
                  <CommandForm spec={forms.correctPayment} params={{ ...path, paymentId: p.paymentId }} />
                </div>
              ))}
            </div>
          </details>
        );
      })}
    </>
  );
}
