import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header, type HeaderProps } from '@codegouvfr/react-dsfr/Header';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import type { ReactNode } from 'react';

/** The State's header, skip links and footer: the same on the sign-in page and inside the app. */
export function Frame({
  children,
  quickAccessItems,
  navigation,
  withMenu,
}: {
  children: ReactNode;
  quickAccessItems?: HeaderProps['quickAccessItems'];
  navigation?: HeaderProps['navigation'];
  withMenu: boolean;
}) {
  return (
    <>
      <SkipLinks
        links={[{ label: 'Contenu', anchor: '#contenu' }, ...(withMenu ? [{ label: 'Menu', anchor: '#header-navigation' }] : [])]}
      />
      <Header
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        homeLinkProps={{ to: '/', title: 'Accueil — Ancrage' }}
        serviceTitle="Ancrage"
        serviceTagline="Partenariats, plans d’action et « 5 % » des agences"
        quickAccessItems={quickAccessItems}
        navigation={navigation}
      />
      {children}
      <Footer
        accessibility="partially compliant"
        accessibilityLinkProps={{ to: '/accessibilite' }}
        contentDescription="Ancrage suit l’ancrage territorial des agences : partenariats, événements communs, diagnostic territorial, plan d’action et fonds « 5 % ». Chaque donnée est un événement daté et vérifiable."
        bottomItems={[{ text: 'Documentation de l’API', linkProps: { to: '/docs', reloadDocument: true } }]}
      />
    </>
  );
}
