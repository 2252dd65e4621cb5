import { Link } from '../../ui/Link';
import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { ROLE, label } from '../../i18n/catalogue';
import { date } from '../../i18n/format';
import { useReadParams } from '../../shell/past';
import { useSession } from '../../shell/session';
import { Async, EmptyState } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { registerUser } from './commands';

/** Users, their rights and their tokens (administrators; auditors read). */
export default function UsersPage() {
  const session = useSession();
  const read = useReadParams();
  const users = $api.useQuery('get', '/users', { params: { query: { ...read, limit: 500 } } });
  const isAdmin = session.roles.has('admin') && !read.asOf && !read.knownAt;
  return (
    <Page title="Utilisateurs">
      <Async query={users}>
        {(data) => (
          <DataTable
            caption="Utilisateurs"
            rowKey={(u) => u.userId}
            rows={data.items}
            empty={<EmptyState title="Aucun utilisateur." />}
            columns={[
              {
                key: 'name',
                label: 'Nom',
                sort: (u) => u.displayName,
                render: (u) => <Link to={`/administration/utilisateurs/${u.userId}`}>{u.displayName}</Link>,
              },
              { key: 'id', label: 'Identifiant', sort: (u) => u.userId, render: (u) => u.userId },
              { key: 'roles', label: 'Rôles', render: (u) => u.grants.map((g) => label(ROLE, g.role)).join(', ') || 'aucun' },
              { key: 'tokens', label: 'Jetons actifs', numeric: true, render: (u) => u.tokens.filter((t) => !t.revoked).length },
              { key: 'state', label: 'État', render: (u) => (u.disabled ? 'Désactivé' : 'Actif') },
              { key: 'since', label: 'Depuis le', sort: (u) => u.registeredAt, render: (u) => date(u.registeredAt) },
            ]}
          />
        )}
      </Async>
      {isAdmin && (
        <div className="ancrage-panel fr-mt-4w">
          <CommandForm spec={registerUser} params={{}} />
        </div>
      )}
    </Page>
  );
}
