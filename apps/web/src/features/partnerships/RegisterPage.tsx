import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { PARTNER_CATEGORY, SCALE, label } from '../../i18n/catalogue';
import { useReadParams } from '../../shell/past';
import { useSession } from '../../shell/session';
import { Async, EmptyState } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { registerPartner } from './commands';

/** The partner register shared by every agency, searchable by name. */
export default function RegisterPage() {
  const session = useSession();
  const read = useReadParams();
  const [q, setQ] = useState('');
  const list = $api.useQuery('get', '/partners', { params: { query: { ...read, limit: 500, ...(q.trim() ? { q: q.trim() } : {}) } } });
  const canRegister = (session.managedAgencies.length > 0 || session.roles.has('admin')) && !read.asOf && !read.knownAt;
  return (
    <Page title="Registre des partenaires" context="Partagé par toutes les agences : chaque partenaire n’y figure qu’une fois.">
      <div className="ancrage-toolbar">
        <Input label="Rechercher un nom" nativeInputProps={{ type: 'search', value: q, onChange: (e) => setQ(e.target.value) }} />
      </div>
      <Async query={list}>
        {(data) => (
          <DataTable
            caption="Partenaires du registre"
            rowKey={(p) => p.partnerId}
            rows={data.items}
            empty={<EmptyState title="Aucun partenaire ne correspond." />}
            columns={[
              { key: 'name', label: 'Nom', sort: (p) => p.name, render: (p) => p.name },
              {
                key: 'category',
                label: 'Catégorie',
                sort: (p) => label(PARTNER_CATEGORY, p.category),
                render: (p) => label(PARTNER_CATEGORY, p.category),
              },
              { key: 'circle', label: 'Cercle par défaut', numeric: true, sort: (p) => p.defaultCircle, render: (p) => p.defaultCircle },
              { key: 'scale', label: 'Échelle', render: (p) => label(SCALE, p.scale) },
              { key: 'code', label: 'Code data·inclusion', render: (p) => p.dataInclusionCode ?? '—' },
              { key: 'siret', label: 'SIRET', render: (p) => p.siret ?? '—' },
              { key: 'closed', label: 'État', render: (p) => (p.closed ? 'Clos' : 'Actif') },
            ]}
          />
        )}
      </Async>
      {canRegister && (
        <section className="ancrage-panel fr-mt-4w" aria-label="Nouveau partenaire">
          <CommandForm spec={registerPartner} params={{}} />
        </section>
      )}
    </Page>
  );
}
