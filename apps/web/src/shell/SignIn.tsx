import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useState, type FormEvent } from 'react';
import { ERROR_CODE, ROLE } from '../i18n/catalogue';
import { Frame } from './Frame';
import { useSessionState } from './session';

interface DemoUser {
  userId: string;
  role: string;
  scope: string;
  token: string;
}

const NOTICES: Record<string, string> = {
  SESSION_ENDED: 'Votre session a pris fin : reconnectez-vous.',
  NETWORK: 'Le serveur ne répond pas. Réessayez dans un instant.',
};

/** Sign-in with an API token; with the embedded demo, one click per demo role. */
export function SignIn() {
  const { signIn, notice } = useSessionState();
  const [value, setValue] = useState('');
  const [demo, setDemo] = useState<DemoUser[]>([]);
  useEffect(() => {
    // The demo users exist only on a machine that loaded the demo into its embedded database.
    fetch('/demo/users', { headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : []))
      .then((users: DemoUser[]) => setDemo(users))
      .catch(() => setDemo([]));
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) void signIn(value.trim());
  };
  const message = notice ? (NOTICES[notice] ?? ERROR_CODE[notice] ?? 'La connexion a échoué.') : null;
  return (
    <Frame withMenu={false}>
      <main id="contenu" tabIndex={-1} className="fr-container fr-py-6w">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <h1>Connexion à Ancrage</h1>
            <p>
              Ancrage suit les partenariats, les événements communs, le diagnostic territorial, le plan d’action et le fonds « 5 % » des
              agences.
            </p>
            {message && <Alert severity="error" small description={message} className="fr-mb-3w" />}
            <form onSubmit={submit} aria-label="Connexion par jeton">
              <Input
                label="Jeton d’accès"
                hintText="Le jeton qui vous a été remis (il commence par anc_)."
                nativeInputProps={{
                  type: 'password',
                  value,
                  onChange: (e) => setValue(e.target.value),
                  autoComplete: 'off',
                  required: true,
                }}
              />
              <Button type="submit">Se connecter</Button>
            </form>
          </div>
          {demo.length > 0 && (
            <div className="fr-col-12 fr-col-md-6">
              <h2 className="fr-h4">Comptes de démonstration</h2>
              <p className="fr-text--sm">
                La base embarquée contient le territoire de démonstration (2016–2018) : 38 agences de 15 bassins d’emploi. Choisissez un
                rôle.
              </p>
              <ul className="fr-btns-group fr-btns-group--left">
                {demo.map((u) => (
                  <li key={u.userId}>
                    <Button priority="secondary" onClick={() => void signIn(u.token)}>
                      {ROLE[u.role] ?? u.role} — {u.scope}
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </main>
    </Frame>
  );
}
