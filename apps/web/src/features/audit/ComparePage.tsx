import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { ACTION_STATUS, AGREEMENT_STATUS, EXPENDITURE_CATEGORY, label } from '../../i18n/catalogue';
import { date, dateTime, euros, percent, today } from '../../i18n/format';
import { useAgencies, useYear } from '../../shell/scope';
import { useSession } from '../../shell/session';
import { ErrorAlert, Loading } from '../../ui/Feedback';
import { Page } from '../../ui/Page';

/** A view as lines of labelled values, matched by id between the two readings. */
interface Line {
  id: string;
  title: string;
  values: Record<string, string>;
}
interface ViewSpec {
  label: string;
  read(safir: string, year: number, past: { asOf: string; knownAt?: string }): Promise<Line[]>;
}

const VIEWS: Record<string, ViewSpec> = {
  fund: {
    label: 'Fonds « 5 % » de l’agence',
    async read(safir, year, past) {
      const { data } = await api.GET('/agencies/{safir}/fund/{year}', { params: { path: { safir, year }, query: past } });
      if (!data) return [];
      return [
        {
          id: 'fund',
          title: `Fonds ${year}`,
          values: {
            Enveloppe: euros(data.envelopeCents),
            'Dépassement autorisé': euros(data.authorisedOverCents),
            Engagé: euros(data.committedCents),
            Payé: euros(data.paidCents),
            Libéré: euros(data.releasedCents),
            'Reste à engager': euros(data.headroomCents),
          },
        },
      ];
    },
  },
  commitments: {
    label: 'Engagements et paiements du fonds',
    async read(safir, year, past) {
      const { data } = await api.GET('/agencies/{safir}/fund/{year}/commitments', {
        params: { path: { safir, year }, query: { ...past, limit: 500 } },
      });
      return (data?.items ?? []).map((c) => ({
        id: c.commitmentId,
        title: `${label(EXPENDITURE_CATEGORY, c.category)} du ${date(c.committedAt)}`,
        values: {
          Engagé: euros(c.amountCents),
          Payé: euros(c.paidCents),
          Libéré: euros(c.releasedCents),
          Paiements: c.payments.map((p) => `${euros(p.amountCents)} le ${date(p.paidAt)}`).join(', ') || 'aucun',
        },
      }));
    },
  },
  plan: {
    label: 'Plan d’action',
    async read(safir, year, past) {
      const { data } = await api.GET('/agencies/{safir}/action-plans/{year}', { params: { path: { safir, year }, query: past } });
      return (data?.actions ?? []).map((a) => ({
        id: a.actionId,
        title: a.title,
        values: {
          Statut: label(ACTION_STATUS, a.status),
          'Dernière valeur': a.latestValueOnDate === null ? '—' : String(a.latestValueOnDate).replace('.', ','),
          Atteint: percent(a.reached),
          Suivi: a.late ? 'En retard' : 'Dans les temps',
        },
      }));
    },
  },
  partnerships: {
    label: 'Partenariats de l’agence',
    async read(safir, _year, past) {
      const { data } = await api.GET('/agencies/{safir}/partnerships', { params: { path: { safir }, query: { ...past, limit: 500 } } });
      return (data?.items ?? []).map((e) => ({
        id: e.partnerId,
        title: e.partner?.name ?? e.partnerId,
        values: {
          Cercle: String(e.effectiveCircle),
          Convention: label(AGREEMENT_STATUS, e.agreementStatus),
          Qualité: e.lastScore === null ? 'non évaluée' : `${e.lastScore} / 4`,
          Contacts: String(e.contacts),
          'Attentes ouvertes': String(e.openExpectations),
        },
      }));
    },
  },
};

/** A side's reading; `null` when the view did not exist yet (404: nothing was known of it). */
async function readSide(spec: ViewSpec, safir: string, year: number, past: { asOf: string; knownAt?: string }): Promise<Line[] | null> {
  try {
    return await spec.read(safir, year, past);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * The auditor's comparison: a view as things stood on a date (everything known today) beside the
 * same view as it was known at an instant. A fact recorded late appears on the left only.
 * Defaults: the user's own agency (else the first visible), its latest year of activity, the end
 * of that year (or today) and, for "known at", the evening of that date.
 */
export default function ComparePage() {
  const agencies = useAgencies();
  const session = useSession();
  const [view, setView] = useState('fund');
  const [safir, setSafir] = useState('');
  const agency = safir || session.managedAgencies[0] || agencies.list[0]?.safir || '';
  const { year, setYear } = useYear(agency || undefined);
  const [chosenAsOf, setAsOf] = useState('');
  const [chosenKnownAt, setKnownAt] = useState('');
  const asOf = chosenAsOf || (year < new Date().getFullYear() ? `${year}-12-31` : today());
  const knownAt = chosenKnownAt || `${asOf}T18:00`;
  const spec = VIEWS[view];
  const known = knownAt && !Number.isNaN(new Date(knownAt).getTime()) ? new Date(knownAt).toISOString() : undefined;
  const left = useQuery({
    queryKey: ['compare', view, agency, year, asOf],
    queryFn: () => readSide(spec, agency, year, { asOf }),
    enabled: Boolean(agency && asOf),
    retry: false,
  });
  const right = useQuery({
    queryKey: ['compare', view, agency, year, asOf, known],
    queryFn: () => readSide(spec, agency, year, { asOf, knownAt: known }),
    enabled: Boolean(agency && asOf && known),
    retry: false,
  });

  return (
    <Page
      title="Comparer « au » et « connu le »"
      context="À gauche, ce qui s’était passé à la date, d’après tout ce qui est enregistré aujourd’hui ; à droite, ce qui en était connu à l’instant choisi."
    >
      <div className="ancrage-toolbar">
        <Select label="Vue" nativeSelectProps={{ value: view, onChange: (e) => setView(e.target.value) }}>
          {Object.entries(VIEWS).map(([k, v]) => (
            <option key={k} value={k}>
              {v.label}
            </option>
          ))}
        </Select>
        <Select label="Agence" nativeSelectProps={{ value: agency, onChange: (e) => setSafir(e.target.value) }}>
          {agencies.list.map((a) => (
            <option key={a.safir} value={a.safir}>
              {a.name} ({a.safir})
            </option>
          ))}
        </Select>
        <Input
          label="Année"
          nativeInputProps={{
            type: 'number',
            min: 2000,
            max: 2100,
            value: year,
            onChange: (e) => Number(e.target.value) >= 2000 && Number(e.target.value) <= 2100 && setYear(Number(e.target.value)),
          }}
        />
        <Input label="Au" nativeInputProps={{ type: 'date', value: asOf, onChange: (e) => setAsOf(e.target.value) }} />
        <Input
          label="Connu le"
          nativeInputProps={{ type: 'datetime-local', step: 1, value: knownAt, onChange: (e) => setKnownAt(e.target.value) }}
        />
      </div>
      {(left.isPending || right.isPending) && <Loading />}
      {left.error ? <ErrorAlert error={left.error} /> : null}
      {right.error ? <ErrorAlert error={right.error} /> : null}
      {left.data === null && right.data === null && (
        <p role="status">
          Cette vue n’existe pas pour cette agence à cette date : rien n’y était enregistré, ni aujourd’hui ni à l’instant choisi.
        </p>
      )}
      {left.data !== undefined && right.data !== undefined && (left.data !== null || right.data !== null) && (
        <Comparison
          left={left.data ?? []}
          right={right.data ?? []}
          leftTitle={`Au ${date(asOf)}, connu aujourd’hui`}
          rightTitle={
            right.data === null
              ? `Au ${date(asOf)}, connu le ${dateTime(known)} : rien n’était encore connu`
              : `Au ${date(asOf)}, connu le ${dateTime(known)}`
          }
        />
      )}
    </Page>
  );
}

function Comparison({ left, right, leftTitle, rightTitle }: { left: Line[]; right: Line[]; leftTitle: string; rightTitle: string }) {
  const ids = [...new Set([...left.map((l) => l.id), ...right.map((l) => l.id)])];
  const byId = (lines: Line[]) => new Map(lines.map((l) => [l.id, l]));
  const [a, b] = [byId(left), byId(right)];
  const differing = ids.filter((id) => JSON.stringify(a.get(id)?.values) !== JSON.stringify(b.get(id)?.values)).length;
  return (
    <>
      <p role="status">
        {differing === 0
          ? 'Les deux lectures sont identiques.'
          : `${differing} ligne${differing > 1 ? 's diffèrent' : ' diffère'} entre les deux lectures (surlignée${differing > 1 ? 's' : ''}).`}
      </p>
      <div className="fr-table ancrage-table">
        <table>
          <caption>Comparaison des deux lectures</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">{leftTitle}</th>
              <th scope="col">{rightTitle}</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => {
              const l = a.get(id);
              const r = b.get(id);
              const keys = [...new Set([...Object.keys(l?.values ?? {}), ...Object.keys(r?.values ?? {})])];
              const cell = (line: Line | undefined, other: Line | undefined) =>
                line ? (
                  <ul className="fr-mb-0">
                    {keys.map((k) => (
                      <li key={k} className={other && other.values[k] !== line.values[k] ? 'ancrage-diff-changed' : undefined}>
                        {k} : {line.values[k] ?? '—'}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <em>absent</em>
                );
              return (
                <tr key={id} className={!l ? 'ancrage-diff-added' : !r ? 'ancrage-diff-removed' : undefined}>
                  <th scope="row">{(l ?? r)!.title}</th>
                  <td>{cell(l, r)}</td>
                  <td>{cell(r, l)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
