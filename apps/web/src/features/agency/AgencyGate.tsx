import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { $api, ApiError } from '../../api/client';
import { usePageTitle } from '../../ui/Page';
import { Link } from '../../ui/Link';
import { ErrorAlert, Loading } from '../../ui/Feedback';
import { useSession } from '../../shell/session';

const PAGES = [
  ['', 'Accueil'],
  ['/partenaires', 'Partenaires'],
  ['/evenements', 'Événements'],
  ['/instances', 'Instances'],
  ['/campagnes', 'Campagnes'],
  ['/parcours', 'Parcours'],
  ['/diagnostic', 'Diagnostic'],
  ['/plan', 'Plan d’action'],
  ['/fonds', 'Fonds « 5 % »'],
  ['/tracabilite', 'Du diagnostic aux résultats'],
  ['/territoire', 'Territoire'],
  ['/historique', 'Historique'],
] as const;

function Refused({ title, text }: { title: string; text: string }) {
  usePageTitle(title);
  return (
    <div className="fr-my-7w">
      <h1>{title}</h1>
      <p>{text}</p>
      <Link className="fr-link" to="/">
        Revenir à l’accueil
      </Link>
    </div>
  );
}

/**
 * An agency's pages: once, up front, whether the agency exists and the user may see it (one clear
 * message, not one refusal per view); and, for those who do not run it, the agency's own menu.
 */
export function AgencyGate({ safir, children }: { safir: string; children: ReactNode }) {
  const session = useSession();
  const { pathname } = useLocation();
  const agency = $api.useQuery('get', '/agencies/{safir}', { params: { path: { safir } } }, { staleTime: 5 * 60_000, retry: false });
  if (agency.isPending) return <Loading />;
  if (agency.error instanceof ApiError && agency.error.status === 403)
    return (
      <Refused
        title="Agence inaccessible"
        text="Vos droits ne couvrent pas cette agence. Si vous devez y accéder, demandez-le à un administrateur d’Ancrage."
      />
    );
  if (agency.error instanceof ApiError && agency.error.status === 404)
    return <Refused title="Agence inconnue" text={`Aucune agence ne porte le code SAFIR ${safir}.`} />;
  if (agency.error) return <ErrorAlert error={agency.error} />;
  const base = `/agence/${safir}`;
  return (
    <>
      {!session.managedAgencies.includes(safir) && (
        <nav className="ancrage-agency-nav fr-mt-2w" aria-label={`Pages de l’agence ${agency.data?.name ?? safir}`}>
          <ul>
            {PAGES.map(([suffix, label]) => (
              <li key={suffix}>
                <Link
                  to={`${base}${suffix}`}
                  aria-current={pathname === `${base}${suffix}` ? 'page' : undefined}
                  className="fr-link fr-link--sm"
                >
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </>
  );
}
