import { Link } from '../../ui/Link';
import { $api } from '../../api/client';
import { Downloads } from '../../ui/Downloads';
import { ANCHORING_CRITERION, CONFIGURATION, CONFIGURATION_SHORT, CONTEXT_CLASS, label } from '../../i18n/catalogue';
import { number } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { Chart, COLORS } from '../../ui/Chart';
import { Async, EmptyState } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useRegionScope } from './scope';

/** Graphique 4 of the study: each agency placed by its basin's context and how proactive it is. */
export default function AnchoringPage() {
  const read = useReadParams();
  const scope = useRegionScope();
  const query = { ...read, ...(scope.region ? { region: scope.region } : {}), year: scope.year };
  const profiles = $api.useQuery('get', '/anchoring-profiles', { params: { query: { ...query, limit: 500 } } });
  return (
    <Page
      title="Profils d’ancrage territorial"
      context={`${scope.label} — ${scope.year}`}
      actions={
        <>
          {scope.controls}
          <Downloads path="/anchoring-profiles" query={query} name={`profils-ancrage-${scope.year}`} />
        </>
      }
    >
      <Async query={profiles}>
        {(p) => (
          <>
            <Chart
              title="Agences par configuration d’ancrage"
              labels={Object.keys(CONFIGURATION).map((c) => CONFIGURATION_SHORT[c])}
              series={[{ label: 'Agences', values: Object.keys(CONFIGURATION).map((c) => p.byConfiguration[c] ?? 0), color: COLORS.blue }]}
              horizontal
              height={240}
              counts
            />
            {p.unplaced > 0 && <p>{number(p.unplaced)} agence(s) sans contexte territorial ne peuvent être placées.</p>}
            <details className="fr-mb-3w">
              <summary className="fr-text--sm">Comment une agence est placée</summary>
              <p className="fr-text--sm">
                Le contexte du bassin (favorable, intermédiaire, difficile) donne la colonne. La proactivité compte un point par critère
                atteint :{' '}
                {Object.values(ANCHORING_CRITERION)
                  .map((c) => c.label.toLowerCase())
                  .join(' ; ')}
                . Trois points font une agence proactive. Un contexte difficile donne toujours la cinquième configuration.
              </p>
            </details>
            <DataTable
              caption="Placement des agences"
              rowKey={(a) => a.safir}
              rows={p.items}
              empty={<EmptyState title="Aucune agence dans ce périmètre." />}
              columns={[
                { key: 'agency', label: 'Agence', sort: (a) => a.name, render: (a) => <Link to={`/agence/${a.safir}`}>{a.name}</Link> },
                { key: 'context', label: 'Contexte', sort: (a) => a.context, render: (a) => label(CONTEXT_CLASS, a.context) },
                {
                  key: 'score',
                  label: 'Proactivité',
                  numeric: true,
                  sort: (a) => a.proactivityScore,
                  render: (a) => `${a.proactivityScore} / ${a.criteria.length}${a.proactive ? ' — proactive' : ''}`,
                },
                {
                  key: 'met',
                  label: 'Critères atteints',
                  render: (a) =>
                    a.criteria
                      .filter((c) => c.met)
                      .map((c) => ANCHORING_CRITERION[c.criterion]?.label ?? '—')
                      .join(' ; ') || 'aucun',
                },
                {
                  key: 'configuration',
                  label: 'Configuration',
                  sort: (a) => a.configuration,
                  render: (a) =>
                    a.configuration
                      ? `${CONFIGURATION_SHORT[a.configuration]}${a.context === 'DIFFICULT' && a.proactive ? ' (agence proactive, cas non observé par l’étude)' : ''}`
                      : 'Non placée',
                },
                {
                  key: 'next',
                  label: 'Prochain levier',
                  render: (a) => {
                    const unmet = a.criteria.find((c) => !c.met);
                    return unmet ? (ANCHORING_CRITERION[unmet.criterion]?.lever ?? '—') : 'Tous les critères sont atteints';
                  },
                },
              ]}
            />
          </>
        )}
      </Async>
    </Page>
  );
}
