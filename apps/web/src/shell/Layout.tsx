import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import { Suspense, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ROLE } from '../i18n/catalogue';
import { Loading } from '../ui/Feedback';
import { Frame } from './Frame';
import { Announcer } from './Announcer';
import { PastControl } from './PastControl';
import { useAgencies } from './scope';
import { useSession, type Session } from './session';

function navigation(session: Session, path: string, agencies: string[]): MainNavigationProps.Item[] {
  const items: MainNavigationProps.Item[] = [];
  const link = (text: string, to: string, exact = false): MainNavigationProps.Item => ({
    text,
    linkProps: { to },
    isActive: exact ? path === to : path === to || path.startsWith(`${to}/`),
  });
  const home = session.managedAgencies[0];
  if (home) {
    const base = `/agence/${home}`;
    items.push(link('Mon agence', base, true), link('Partenaires', `${base}/partenaires`), link('Événements', `${base}/evenements`));
    items.push(link('Instances', `${base}/instances`), link('Campagnes', `${base}/campagnes`), link('Parcours', `${base}/parcours`));
    items.push(
      link('Diagnostic', `${base}/diagnostic`),
      link('Plan d’action', `${base}/plan`),
      link('Fonds « 5 % »', `${base}/fonds`),
      link('Historique', `${base}/historique`),
      link('Importer', `${base}/import`),
    );
  }
  if (home || session.roles.has('director')) items.push(link('Mes alertes', '/alertes'));
  if (session.roles.has('director') || (session.roles.has('auditor') && !home)) {
    items.push({
      text: 'Pilotage',
      isActive: path.startsWith('/pilotage'),
      menuLinks: [
        { text: 'Ma boîte de réception', linkProps: { to: '/pilotage' } },
        { text: 'Agences', linkProps: { to: '/pilotage/agences' } },
        { text: 'Exécution des plans', linkProps: { to: '/pilotage/plans' } },
        { text: 'Fonds « 5 % »', linkProps: { to: '/pilotage/fonds' } },
        { text: 'Partenariats', linkProps: { to: '/pilotage/partenariats' } },
        { text: 'Profils d’ancrage', linkProps: { to: '/pilotage/ancrage' } },
        { text: 'Diagnostics', linkProps: { to: '/pilotage/diagnostics' } },
        { text: 'Campagnes de recrutement', linkProps: { to: '/pilotage/campagnes' } },
        { text: 'Bassins d’emploi', linkProps: { to: '/pilotage/bassins' } },
      ],
    });
  }
  if (session.roles.has('auditor')) {
    items.push({
      text: 'Contrôle',
      isActive: path.startsWith('/controle'),
      menuLinks: [
        { text: 'Vérifier le journal', linkProps: { to: '/controle' } },
        { text: 'Comparer deux dates', linkProps: { to: '/controle/comparer' } },
        { text: 'Journal des événements', linkProps: { to: '/controle/journal' } },
        { text: 'Droits à une date', linkProps: { to: '/controle/droits' } },
      ],
    });
  }
  if (session.roles.has('admin')) {
    items.push({
      text: 'Administration',
      isActive: path.startsWith('/administration'),
      menuLinks: [
        { text: 'Utilisateurs', linkProps: { to: '/administration/utilisateurs' } },
        { text: 'Agences', linkProps: { to: '/administration/agences' } },
        { text: 'Enveloppes « 5 % »', linkProps: { to: '/administration/enveloppes' } },
      ],
    });
  }
  if (!home && agencies.length > 0 && !session.roles.has('director')) items.push(link('Agences', '/pilotage/agences'));
  items.push(link('Registre des partenaires', '/partenaires'));
  return items;
}

/** The State's header and footer around every page, with the "as of" control. */
export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const { pathname } = useLocation();
  const agencies = useAgencies();
  const roles = [...session.roles].map((r) => ROLE[r]).join(', ');
  return (
    <Frame
      withMenu
      quickAccessItems={[
        { iconId: 'fr-icon-account-circle-line', text: `${session.principal.displayName} — ${roles}`, linkProps: { to: '/compte' } },
        { iconId: 'fr-icon-logout-box-r-line', text: 'Se déconnecter', buttonProps: { onClick: () => session.signOut() } },
      ]}
      navigation={navigation(
        session,
        pathname,
        agencies.list.map((a) => a.safir),
      )}
    >
      <PastControl />
      <Announcer />
      <main id="contenu" tabIndex={-1} className="fr-container fr-pb-6w">
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
    </Frame>
  );
}
