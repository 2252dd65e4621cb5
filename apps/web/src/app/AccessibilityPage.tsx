import { usePageTitle } from '../ui/Page';

/** The accessibility statement RGAA asks every public service to publish. */
export default function AccessibilityPage() {
  usePageTitle('Déclaration d’accessibilité');
  return (
    <div className="fr-my-4w">
      <h1>Déclaration d’accessibilité</h1>
      <p>Ancrage s’engage à rendre son service accessible, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.</p>
      <h2>État de conformité</h2>
      <p>
        Ancrage est <strong>partiellement conforme</strong> au référentiel général d’amélioration de l’accessibilité (RGAA 4.1). Chaque page
        est contrôlée automatiquement (axe-core, critères WCAG 2.1 A et AA) à chaque version, et les parcours principaux sont vérifiés au
        clavier seul ; aucun audit complet par un tiers n’a encore été mené.
      </p>
      <h2>Contenus non accessibles</h2>
      <ul>
        <li>
          Les graphiques sont accompagnés de leurs chiffres sous forme de tableau (« voir les données ») ; leurs couleurs n’ont pas été
          vérifiées pour toutes les formes de daltonisme.
        </li>
        <li>Les champs de date s’affichent selon la langue du navigateur.</li>
      </ul>
      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez l’administrateur d’Ancrage de votre direction régionale pour
        être orienté vers une alternative accessible.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à une fonctionnalité, que vous nous le signalez
        et que vous ne parvenez pas à obtenir une réponse, vous pouvez saisir le Défenseur des droits.
      </p>
    </div>
  );
}
