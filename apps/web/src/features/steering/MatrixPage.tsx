import { $api } from '../../api/client';
import { PARTNER_CATEGORY, label } from '../../i18n/catalogue';
import { percent } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { Chart, COLORS } from '../../ui/Chart';
import { Async, EmptyState } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useRegionScope } from './scope';

/** Graphique 3 of the study: how often each kind of partner is a priority, and a good one. */
export default function MatrixPage() {
  const read = useReadParams();
  const scope = useRegionScope({ year: false });
  const matrix = $api.useQuery('get', '/priority-circles/matrix', {
    params: { query: { ...read, ...(scope.region ? { region: scope.region } : {}) } },
  });
  return (
    <Page
      title="Cercles de priorité et qualité des partenariats"
      context={`${scope.label} — partenariats et dernières évaluations à la date consultée`}
      actions={scope.controls}
    >
      <Async query={matrix}>
        {(m) => {
          const rows = m.categories.map((c) => {
            const priority = c.byCircle.filter((b) => b.circle <= 2);
            const count = (f: (b: (typeof priority)[number]) => number) => priority.reduce((s, b) => s + f(b), 0);
            return { ...c, priorityPartnerships: count((b) => b.good + b.poor + b.notAssessed), priorityGood: count((b) => b.good) };
          });
          return (
            <>
              <Chart
                title="Partenariats des cercles 1 et 2 par catégorie : de bonne qualité (note 3 ou 4) et autres"
                labels={rows.map((r) => label(PARTNER_CATEGORY, r.category))}
                series={[
                  { label: 'De bonne qualité', values: rows.map((r) => r.priorityGood), color: COLORS.green },
                  { label: 'Autres', values: rows.map((r) => r.priorityPartnerships - r.priorityGood), color: COLORS.grey },
                ]}
                stacked
                horizontal
                counts
                height={Math.max(240, rows.length * 30)}
              />
              <DataTable
                caption="Cercles et qualité par catégorie de partenaire"
                rowKey={(r) => r.category}
                rows={rows}
                empty={<EmptyState title="Aucun partenariat dans ce périmètre." />}
                columns={[
                  {
                    key: 'category',
                    label: 'Catégorie',
                    sort: (r) => label(PARTNER_CATEGORY, r.category),
                    render: (r) => label(PARTNER_CATEGORY, r.category),
                  },
                  { key: 'agencies', label: 'Agences', numeric: true, sort: (r) => r.agencies, render: (r) => r.agencies },
                  {
                    key: 'priority',
                    label: 'En cercle 1',
                    numeric: true,
                    sort: (r) => r.priorityShare,
                    render: (r) => percent(r.priorityShare),
                  },
                  {
                    key: 'good',
                    label: 'En cercle 1 et de bonne qualité',
                    numeric: true,
                    sort: (r) => r.priorityAndGoodQualityShare,
                    render: (r) => percent(r.priorityAndGoodQualityShare),
                  },
                  ...[1, 2, 3].map((circle) => ({
                    key: `c${circle}`,
                    label: `Cercle ${circle} : bonne / faible / non évaluée`,
                    render: (r: (typeof rows)[number]) => {
                      const b = r.byCircle.find((x) => x.circle === circle);
                      return b ? `${b.good} / ${b.poor} / ${b.notAssessed}` : '—';
                    },
                  })),
                ]}
              />
            </>
          );
        }}
      </Async>
    </Page>
  );
}
