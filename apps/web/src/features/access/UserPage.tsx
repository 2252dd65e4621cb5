import { useReadParams } from '../../shell/past';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { useParams } from 'react-router';
import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { ROLE, label } from '../../i18n/catalogue';
import { date, dateTime } from '../../i18n/format';
import { regionName } from '../../shell/scope';
import { useSession } from '../../shell/session';
import { Async, EmptyState } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import * as forms from './commands';

/** One user: rights by role, tokens, and the administrator's forms. */
export default function UserPage() {
  const { userId = '' } = useParams();
  const session = useSession();
  const read = useReadParams();
  const user = $api.useQuery('get', '/users/{userId}', { params: { path: { userId }, query: read } });
  const [issued, setIssued] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const isAdmin = session.roles.has('admin');
  return (
    <Page title={user.data?.displayName ?? userId} trail={[{ label: 'Utilisateurs', to: '/administration/utilisateurs' }]}>
      <Async query={user}>
        {(u) => (
          <>
            <p>
              Identifiant {u.userId}
              {u.email ? `, ${u.email}` : ''} — {u.disabled ? 'désactivé' : 'actif'}, enregistré le {date(u.registeredAt)}.
            </p>
            <h2 className="fr-h4">Droits</h2>
            <DataTable
              caption="Droits de l’utilisateur"
              rowKey={(g) => g.role}
              rows={u.grants}
              empty={<EmptyState title="Aucun droit accordé." />}
              columns={[
                { key: 'role', label: 'Rôle', render: (g) => label(ROLE, g.role) },
                {
                  key: 'scope',
                  label: 'Périmètre',
                  render: (g) =>
                    g.agencies
                      ? `agences ${g.agencies.join(', ')}`
                      : g.regions
                        ? g.regions.map(regionName).join(', ')
                        : g.national
                          ? 'national'
                          : 'tout le réseau',
                },
              ]}
            />
            <h2 className="fr-h4">Jetons d’accès</h2>
            {issued && (
              <Alert
                severity="warning"
                className="fr-mb-2w"
                title="Copiez ce jeton maintenant : il ne sera plus jamais affiché."
                description={
                  <>
                    <span className="ancrage-token" id="issued-token">
                      {issued}
                    </span>
                    <Button
                      className="fr-mt-1w"
                      priority="secondary"
                      size="small"
                      iconId="fr-icon-clipboard-line"
                      onClick={() => void navigator.clipboard?.writeText(issued).then(() => setCopied(true))}
                    >
                      {copied ? 'Jeton copié' : 'Copier le jeton'}
                    </Button>
                  </>
                }
              />
            )}
            <DataTable
              caption="Jetons de l’utilisateur"
              rowKey={(t) => t.tokenId}
              rows={u.tokens}
              empty={<EmptyState title="Aucun jeton." />}
              columns={[
                { key: 'label', label: 'Libellé', render: (t) => t.label },
                { key: 'issued', label: 'Émis le', render: (t) => dateTime(t.issuedAt) },
                { key: 'expires', label: 'Expire le', render: (t) => (t.expiresAt ? date(t.expiresAt) : 'jamais') },
                { key: 'state', label: 'État', render: (t) => (t.revoked ? 'Révoqué' : 'Actif') },
              ]}
            />
            {isAdmin && (
              <div className="fr-grid-row fr-grid-row--gutters fr-mt-3w">
                <div className="fr-col-12 fr-col-md-6">
                  <div className="ancrage-panel">
                    <h3 className="fr-h5">Accorder un rôle</h3>
                    <CommandForm spec={forms.grantManager} params={{ userId, role: 'manager' }} />
                    <CommandForm spec={forms.grantDirector} params={{ userId, role: 'director' }} />
                    <CommandForm
                      spec={{ ...forms.grantPlain, title: label(ROLE, 'auditor'), submit: 'Accorder le rôle d’auditeur' }}
                      params={{ userId, role: 'auditor' }}
                    />
                    <CommandForm
                      spec={{ ...forms.grantPlain, title: label(ROLE, 'admin'), submit: 'Accorder le rôle d’administrateur' }}
                      params={{ userId, role: 'admin' }}
                    />
                  </div>
                  {u.grants.map((g) => (
                    <CommandForm
                      key={g.role}
                      spec={{ ...forms.revokeRole, title: `Retirer le rôle « ${label(ROLE, g.role)} »` }}
                      params={{ userId, role: g.role as 'manager' }}
                    />
                  ))}
                </div>
                <div className="fr-col-12 fr-col-md-6">
                  <div className="ancrage-panel">
                    <CommandForm
                      spec={forms.issueToken}
                      params={{ userId }}
                      onDone={(a) => {
                        setIssued(a.token);
                        setCopied(false);
                      }}
                    />
                  </div>
                  {u.tokens
                    .filter((t) => !t.revoked)
                    .map((t) => (
                      <CommandForm
                        key={t.tokenId}
                        spec={{ ...forms.revokeToken, title: `Révoquer le jeton « ${t.label} »` }}
                        params={{ userId, tokenId: t.tokenId }}
                      />
                    ))}
                  <div className="ancrage-panel">
                    {u.disabled ? (
                      <CommandForm spec={forms.enableUser} params={{ userId }} />
                    ) : (
                      <CommandForm spec={forms.disableUser} params={{ userId }} />
                    )}
                  </div>
                </div>
              </div>
            )}
          </>
        )}
      </Async>
    </Page>
  );
}
