import { $api } from '../../api/client';
import { OVER_COMMITMENT_REQUEST_STATUS, label } from '../../i18n/catalogue';
import { euros, date } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { DataTable } from '../../ui/Table';

/** The agency's over-commitment requests and the direction's answers. */
export function RequestsTable({ safir, year }: { safir: string; year: number }) {
  const read = useReadParams();
  const requests = $api.useQuery('get', '/agencies/{safir}/fund/{year}/over-commitment-requests', {
    params: { path: { safir, year }, query: { ...read, limit: 100 } },
  });
  const items = requests.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="fr-mt-4w" aria-labelledby="requests">
      <h2 id="requests" className="fr-h4">
        Demandes de dépassement
      </h2>
      <DataTable
        caption="Demandes de dépassement"
        rowKey={(r) => r.requestId}
        rows={items}
        columns={[
          { key: 'date', label: 'Demandée le', sort: (r) => r.requestedAt, render: (r) => date(r.requestedAt) },
          { key: 'amount', label: 'Montant', numeric: true, render: (r) => euros(r.amountCents) },
          { key: 'reason', label: 'Motif', render: (r) => r.reason },
          { key: 'status', label: 'Réponse', render: (r) => label(OVER_COMMITMENT_REQUEST_STATUS, r.status) },
          {
            key: 'answer',
            label: 'Détail',
            render: (r) =>
              r.answeredAt
                ? `${date(r.answeredAt)}${r.authorisedCents !== null ? ` — ${euros(r.authorisedCents)} autorisés` : ''}${r.answer ? ` — ${r.answer}` : ''}`
                : '—',
          },
        ]}
      />
    </section>
  );
}
