import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Link } from '../../ui/Link';
import { $api, type Schemas } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { AGREEMENT_STATUS, PARTNER_CATEGORY, label, options } from '../../i18n/catalogue';
import { date } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { Async, EmptyState } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from '../agency/useAgencyContext';
import { registerPartner } from './commands';

/** The agency's partners: circle, agreement, quality, open expectations; and the way to add one. */
export default function PartnersPage({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const read = useReadParams();
  const navigate = useNavigate();
  const [category, setCategory] = useState<Schemas['PartnerView']['category'] | ''>('');
  const directory = $api.useQuery('get', '/agencies/{safir}/partnerships', {
    params: { path: { safir }, query: { ...read, limit: 500, ...(category ? { category } : {}) } },
  });
  const register = $api.useQuery('get', '/partners', { params: { query: { limit: 500 } } }, { enabled: ctx.canWrite });
  const [chosen, setChosen] = useState('');
  const known = new Set(directory.data?.items.map((e) => e.partnerId) ?? []);
  const others = (register.data?.items ?? []).filter((p) => !known.has(p.partnerId) && !p.closed);

  return (
    <Page title="Partenaires de l’agence" context={ctx.context} trail={ctx.trail}>
      <div className="ancrage-toolbar">
        <Select label="Catégorie" nativeSelectProps={{ value: category, onChange: (e) => setCategory(e.target.value as typeof category) }}>
          <option value="">Toutes les catégories</option>
          {options(PARTNER_CATEGORY)
            .filter((o) => o.value !== 'UNKNOWN')
            .map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
        </Select>
      </div>
      <Async query={directory}>
        {(data) => (
          <DataTable
            caption="Partenaires de l’agence"
            rowKey={(e) => e.partnerId}
            rows={data.items}
            empty={
              <EmptyState title="Aucun partenariat enregistré pour l’instant.">
                Choisissez un partenaire du registre ci-dessous pour enregistrer un premier contact, une convention ou une évaluation.
              </EmptyState>
            }
            columns={[
              {
                key: 'name',
                label: 'Partenaire',
                sort: (e) => e.partner?.name ?? e.partnerId,
                render: (e) => <Link to={`/agence/${safir}/partenaires/${e.partnerId}`}>{e.partner?.name ?? e.partnerId}</Link>,
              },
              {
                key: 'category',
                label: 'Catégorie',
                sort: (e) => label(PARTNER_CATEGORY, e.partner?.category),
                render: (e) => label(PARTNER_CATEGORY, e.partner?.category ?? 'UNKNOWN'),
              },
              { key: 'circle', label: 'Cercle', sort: (e) => e.effectiveCircle, numeric: true, render: (e) => e.effectiveCircle },
              {
                key: 'agreement',
                label: 'Convention',
                sort: (e) => e.agreementStatus,
                render: (e) =>
                  `${label(AGREEMENT_STATUS, e.agreementStatus)}${e.agreementEnd && e.agreementStatus === 'ACTIVE' ? ` jusqu’au ${date(e.agreementEnd)}` : ''}`,
              },
              {
                key: 'score',
                label: 'Qualité',
                sort: (e) => e.lastScore,
                numeric: true,
                render: (e) => (e.lastScore === null ? 'non évaluée' : `${e.lastScore} / 4`),
              },
              { key: 'contacts', label: 'Contacts', sort: (e) => e.contacts, numeric: true, render: (e) => e.contacts },
              {
                key: 'open',
                label: 'Attentes ouvertes',
                sort: (e) => e.openExpectations,
                numeric: true,
                render: (e) => e.openExpectations,
              },
            ]}
          />
        )}
      </Async>
      {ctx.canWrite && (
        <div className="fr-grid-row fr-grid-row--gutters fr-mt-4w">
          <section className="fr-col-12 fr-col-md-6" aria-labelledby="add-existing">
            <div className="ancrage-panel">
              <h2 id="add-existing" className="fr-h5">
                Travailler avec un partenaire du registre
              </h2>
              <Select
                label="Partenaire"
                hint="Les partenaires du registre partagé avec lesquels l’agence n’a encore rien enregistré."
                nativeSelectProps={{ value: chosen, onChange: (e) => setChosen(e.target.value) }}
              >
                <option value="">— Choisir —</option>
                {others.map((p) => (
                  <option key={p.partnerId} value={p.partnerId}>
                    {p.name} — {label(PARTNER_CATEGORY, p.category)}
                  </option>
                ))}
              </Select>
              <Button disabled={!chosen} onClick={() => navigate(`/agence/${safir}/partenaires/${chosen}`)}>
                Ouvrir le partenariat
              </Button>
            </div>
          </section>
          <section className="fr-col-12 fr-col-md-6" aria-label="Nouveau partenaire">
            <div className="ancrage-panel">
              <CommandForm spec={registerPartner} params={{}} onDone={(a) => navigate(`/agence/${safir}/partenaires/${a.partnerId}`)} />
            </div>
          </section>
        </div>
      )}
    </Page>
  );
}
