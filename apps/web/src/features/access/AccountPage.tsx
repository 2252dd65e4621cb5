import { $api } from '../../api/client';
import { CommandForm } from '../../forms/CommandForm';
import { DIGEST_FREQUENCY, ROLE, label } from '../../i18n/catalogue';
import { useReadParams } from '../../shell/past';
import { regionName } from '../../shell/scope';
import { useSession } from '../../shell/session';
import { Async } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { setDigest } from './commands';

/** Who is signed in, with which rights, and how their alerts reach them. */
export default function AccountPage() {
  const { principal } = useSession();
  const { consistentWith } = useReadParams();
  const digest = $api.useQuery('get', '/me/digest', { params: { query: consistentWith ? { consistentWith } : {} } });
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
      <section aria-labelledby="digest" className="fr-mt-4w">
        <h2 id="digest" className="fr-h4">
          Mes alertes par courriel
        </h2>
        <Async query={digest}>
          {(d) => (
            <>
              <p>
                Actuellement : <strong>{label(DIGEST_FREQUENCY, d.frequency)}</strong>
                {d.frequency !== 'NONE' && d.email ? `, à l’adresse ${d.email}` : ''}.
              </p>
              <CommandForm key={`${d.frequency}-${d.email ?? ''}`} spec={setDigest} params={{}} initial={{ frequency: d.frequency }} />
            </>
          )}
        </Async>
      </section>
    </Page>
  );
}
