import { CommandForm } from '../../forms/CommandForm';
import { AREA_TYPE, CONTEXT_CLASS, CONTEXT_CRITERION, label } from '../../i18n/catalogue';
import { date, number } from '../../i18n/format';
import { regionName } from '../../shell/scope';
import { Link } from '../../ui/Link';
import { EmptyState, ErrorAlert, Loading } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from '../agency/useAgencyContext';
import { reviseContext } from './commands';

/** The agency's basin: its figures, the class they give it and why; the form to update them. */
export default function TerritoryPage({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const a = ctx.agency;
  return (
    <Page title="Contexte territorial" context={ctx.context} trail={ctx.trail}>
      {ctx.error ? <ErrorAlert error={ctx.error} /> : null}
      {!a && !ctx.error && <Loading />}
      {a && (
        <>
          <p>
            {regionName(a.region)}, département {a.department},{' '}
            <Link to={`/bassin/${a.employmentBasin}`}>bassin d’emploi {a.employmentBasin}</Link>, territoire{' '}
            {label(AREA_TYPE, a.areaType).toLowerCase()}.
          </p>
          {a.figures && a.classification ? (
            <>
              <Figures
                items={[
                  {
                    label: 'Contexte',
                    value: label(CONTEXT_CLASS, a.contextClass),
                    detail: `au ${date(a.contextEffectiveDate)}`,
                    tone: a.contextClass === 'DIFFICULT' ? 'warning' : 'default',
                  },
                  { label: 'Taux de chômage', value: `${number(a.figures.unemploymentRate)} %` },
                  { label: 'Chômage de longue durée', value: `${number(a.figures.longTermUnemploymentShare)} %` },
                  { label: 'Emplois saisonniers', value: `${number(a.figures.seasonalJobShare)} %` },
                  { label: 'Ménages au RSA', value: `${number(a.figures.rsaShare)} %` },
                ]}
              />
              <DataTable
                caption="Pourquoi ce contexte"
                rowKey={(p) => `${p.criterion}-${p.threshold}`}
                rows={a.classification.points}
                columns={[
                  { key: 'criterion', label: 'Critère', render: (p) => label(CONTEXT_CRITERION, p.criterion) },
                  {
                    key: 'value',
                    label: 'Valeur',
                    render: (p) => (typeof p.value === 'boolean' ? (p.value ? 'oui' : 'non') : `${number(p.value)} %`),
                  },
                  {
                    key: 'threshold',
                    label: 'Seuil',
                    render: (p) => (p.criterion === 'qpv' ? 'présence d’un quartier prioritaire' : p.threshold.replace('.', ',')),
                  },
                  { key: 'points', label: 'Point', numeric: true, render: (p) => p.points },
                ]}
              />
              <p className="fr-text--sm">
                Score {a.classification.score} : 0 ou 1 point, contexte favorable ; 2 ou 3, intermédiaire ; 4 ou plus, difficile.
              </p>
            </>
          ) : (
            <EmptyState title="Aucun contexte territorial enregistré.">
              Enregistrez les chiffres du bassin pour classer le contexte de l’agence et la placer parmi les profils d’ancrage.
            </EmptyState>
          )}
          {ctx.canWrite && (
            <div className="ancrage-panel">
              <CommandForm spec={reviseContext} params={{ safir }} />
            </div>
          )}
        </>
      )}
    </Page>
  );
}
