import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { $api } from '../../api/client';
import { ROLE, label } from '../../i18n/catalogue';
import { date } from '../../i18n/format';
import { regionName } from '../../shell/scope';
import { Async, EmptyState } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';

/** Who held which rights on a date (users and grants are events too). */
export default function RightsPage() {
  const [on, setOn] = useState(new Date().toISOString().slice(0, 10));
  const users = $api.useQuery('get', '/users', { params: { query: { asOf: on, limit: 500 } } });
  return (
    <Page title="Droits à une date" context="Qui pouvait faire quoi, et sur quel périmètre, à la date choisie.">
      <div className="ancrage-toolbar">
        <Input label="Date" nativeInputProps={{ type: 'date', value: on, onChange: (e) => setOn(e.target.value) }} />
      </div>
      <Async query={users}>
        {(data) => (
          <DataTable
            caption={`Utilisateurs et droits au ${date(on)}`}
            rowKey={(u) => u.userId}
            rows={data.items}
            empty={<EmptyState title="Aucun utilisateur à cette date." />}
            columns={[
              { key: 'user', label: 'Utilisateur', sort: (u) => u.displayName, render: (u) => `${u.displayName} (${u.userId})` },
              {
                key: 'grants',
                label: 'Droits',
                render: (u) =>
                  u.grants.length === 0
                    ? 'aucun'
                    : u.grants
                        .map(
                          (g) =>
                            `${label(ROLE, g.role)}${g.agencies ? ` : agences ${g.agencies.join(', ')}` : g.regions ? ` : ${g.regions.map(regionName).join(', ')}` : g.national ? ' : national' : ''}`,
                        )
                        .join(' ; '),
              },
              { key: 'state', label: 'État', render: (u) => (u.disabled ? 'Désactivé' : 'Actif') },
              { key: 'since', label: 'Enregistré le', sort: (u) => u.registeredAt, render: (u) => date(u.registeredAt) },
            ]}
          />
        )}
      </Async>
    </Page>
  );
}
