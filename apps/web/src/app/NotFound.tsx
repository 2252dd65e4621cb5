import { Link } from '../ui/Link';
import { usePageTitle } from '../ui/Page';

export function NotFound() {
  usePageTitle('Page introuvable');
  return (
    <div className="fr-my-7w">
      <h1>Page introuvable</h1>
      <p>L’adresse demandée ne correspond à aucune page d’Ancrage. Elle a peut-être été mal saisie.</p>
      <Link className="fr-link" to="/">
        Revenir à l’accueil
      </Link>
    </div>
  );
}
