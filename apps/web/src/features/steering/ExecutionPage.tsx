import { Link } from '../../ui/Link';
import { $api } from '../../api/client';
import { Downloads } from '../../ui/Downloads';
import { LEVER, PLAN_STATUS, label } from '../../i18n/catalogue';
import { number, percent } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { Chart, COLORS } from '../../ui/Chart';
import { Async, EmptyState } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useRegionScope } from './scope';

/** Plan execution across the agencies of a region or the country. */
export default function ExecutionPage() {
  const read = useReadParams();
  const scope = useRegionScope();
  const query = { ...read, ...(scope.region ? { region: scope.region } : {}), year: scope.year };
  const execution = $api.useQuery('get', '/action-plans/execution', { params: { query: { ...query, limit: 500 } } });
  return (
    <Page
      title="Exécution des plans d’action"
      context={`${scope.label} — ${scope.year}`}
      actions={
        <>
          {scope.controls}
          <Downloads path="/action-plans/execution" query={query} name={`execution-plans-${scope.year}`} />
        </>
      }
    >
      <Async query={execution}>
        {(data) => {
          const levers = new Map<string, number>();
          for (const line of data.items)
            for (const [lever, n] of Object.entries(line.byLever)) levers.set(lever, (levers.get(lever) ?? 0) + n);
          return (
            <>
              <Figures
                items={[
                  { label: 'Plans', value: number(data.summary.plans), detail: `${number(data.summary.adopted)} adoptés` },
                  {
                    label: 'Actions en retard',
                    value: number(data.summary.lateActions),
                    tone: data.summary.lateActions ? 'warning' : 'default',
                  },
                  {
                    label: 'Priorités répondant à un diagnostic co-construit',
                    value: percent(data.summary.shareOfPrioritiesCitingCoConstructedDiagnostic),
                  },
                ]}
              />
              {levers.size > 0 && (
                <Chart
                  title="Actions par levier"
                  labels={[...levers.keys()].map((l) => label(LEVER, l))}
                  series={[{ label: 'Actions', values: [...levers.values()], color: COLORS.blue }]}
                  horizontal
                  height={Math.max(200, levers.size * 32)}
                  counts
                />
              )}
              <DataTable
                caption="Exécution par agence"
                rowKey={(l) => l.safir}
                rows={data.items}
                empty={<EmptyState title={`Aucun plan d’action ${scope.year} dans ce périmètre.`} />}
                columns={[
                  {
                    key: 'agency',
                    label: 'Agence',
                    sort: (l) => scope.agencyName(l.safir),
                    render: (l) => <Link to={`/agence/${l.safir}/plan?annee=${l.year}`}>{scope.agencyName(l.safir)}</Link>,
                  },
                  { key: 'status', label: 'Plan', sort: (l) => l.status, render: (l) => label(PLAN_STATUS, l.status) },
                  { key: 'actions', label: 'Actions', numeric: true, sort: (l) => l.actions, render: (l) => l.actions },
                  { key: 'late', label: 'En retard', numeric: true, sort: (l) => l.lateActions, render: (l) => l.lateActions },
                  { key: 'reached', label: 'Atteint', numeric: true, sort: (l) => l.reached, render: (l) => percent(l.reached) },
                  { key: 'priorities', label: 'Priorités', numeric: true, sort: (l) => l.priorities, render: (l) => l.priorities },
                ]}
              />
            </>
          );
        }}
      </Async>
    </Page>
  );
}
