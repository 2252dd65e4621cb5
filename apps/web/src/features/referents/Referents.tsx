import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { REFERENT_SIDE, label } from '../../i18n/catalogue';
import { date } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { Async, EmptyState } from '../../ui/Feedback';
import { DataTable } from '../../ui/Table';
import * as forms from './commands';

/** The named people of one partnership, how to reach them, and the forms to keep them right. */
export function Referents({ safir, partnerId, canWrite }: { safir: string; partnerId: string; canWrite: boolean }) {
  const read = useReadParams();
  const referents = $api.useQuery('get', '/agencies/{safir}/referents', {
    params: { path: { safir }, query: { ...read, partnerId, limit: 100 } },
  });
  return (
    <section aria-labelledby="referents" className="fr-mt-4w">
      <h2 id="referents" className="fr-h4">
        Référents
      </h2>
      <Async query={referents}>
        {(page) => (
          <>
            <DataTable
              caption="Référents du partenariat"
              rowKey={(r) => r.referentId}
              rows={page.items}
              empty={
                <EmptyState title="Aucun référent nommé.">Nommez la personne à joindre chez le partenaire et celle de l’agence.</EmptyState>
              }
              columns={[
                { key: 'side', label: 'Côté', render: (r) => label(REFERENT_SIDE, r.side) },
                { key: 'name', label: 'Nom', sort: (r) => r.name, render: (r) => r.name },
                { key: 'role', label: 'Fonction', render: (r) => r.role },
                {
                  key: 'phone',
                  label: 'Téléphone',
                  render: (r) => (r.phone ? <a href={`tel:${r.phone.replace(/[ .-]/g, '')}`}>{r.phone}</a> : '—'),
                },
                {
                  key: 'email',
                  label: 'Adresse électronique',
                  render: (r) => (r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : '—'),
                },
                { key: 'namedOn', label: 'Depuis le', sort: (r) => r.namedOn, render: (r) => date(r.namedOn) },
              ]}
            />
            {canWrite &&
              page.items.map((r) => (
                <details key={r.referentId} className="fr-mb-2w">
                  <summary>Coordonnées ou départ de {r.name}</summary>
                  <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
                    <div className="fr-col-12 fr-col-md-6">
                      <CommandForm spec={forms.changeReferent} params={{ safir, partnerId, referentId: r.referentId }} />
                    </div>
                    <div className="fr-col-12 fr-col-md-6">
                      <CommandForm spec={forms.withdrawReferent} params={{ safir, partnerId, referentId: r.referentId }} />
                    </div>
                  </div>
                </details>
              ))}
          </>
        )}
      </Async>
    </section>
  );
}
