import { ROLE, label } from '../../i18n/catalogue';
import { regionName } from '../../shell/scope';
import { useSession } from '../../shell/session';
import { Page } from '../../ui/Page';

/** Who is signed in, with which rights. */
export default function AccountPage() {
  const { principal } = useSession();
  return (
    <Page title="Mon compte">
      <p>
        {principal.displayName} (identifiant {principal.userId}).
      </p>
      {principal.grants.length === 0 ? (
        <p>Aucun droit ne vous est accordé : demandez-en à un administrateur d’Ancrage.</p>
      ) : (
        <ul>
          {principal.grants.map((g) => (
            <li key={g.role}>
              {label(ROLE, g.role)}
              {g.agencies
                ? ` — agences ${g.agencies.join(', ')}`
                : g.regions
                  ? ` — ${g.regions.map(regionName).join(', ')}`
                  : g.national
                    ? ' — national'
                    : ''}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
