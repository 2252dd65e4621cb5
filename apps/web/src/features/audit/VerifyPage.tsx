import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { $api, api, type Schemas } from '../../api/client';
import { dateTime, number } from '../../i18n/format';
import { ErrorAlert, Loading } from '../../ui/Feedback';
import { Page } from '../../ui/Page';

type Digest = Schemas['SignedDigestView'];

/** The auditor's first check: the hash chain holds; and a signed digest the log still extends. */
export default function VerifyPage() {
  const verify = $api.useQuery('get', '/audit/verify', {}, { staleTime: 0 });
  const digest = useMutation({ mutationFn: async () => (await api.GET('/audit/digest')).data! });
  const [uploadError, setUploadError] = useState<string | null>(null);
  const against = useMutation({ mutationFn: async (d: Digest) => (await api.POST('/audit/verify-digest', { body: { digest: d } })).data! });

  const save = (d: Digest) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([JSON.stringify(d, null, 2)], { type: 'application/json' }));
    a.download = `empreinte-journal-${d.headPosition}.json`;
    a.click();
  };
  const load = async (file: File | undefined) => {
    setUploadError(null);
    if (!file) return;
    try {
      against.mutate(JSON.parse(await file.text()) as Digest);
    } catch {
      setUploadError('Ce fichier n’est pas une empreinte signée (JSON attendu).');
    }
  };

  return (
    <Page
      title="Vérifier le journal"
      context="Chaque événement porte l’empreinte du précédent : une modification, une suppression ou une insertion rompt la chaîne."
    >
      <section className="fr-mb-4w" aria-labelledby="chain">
        <h2 id="chain" className="fr-h4">
          Chaîne d’empreintes
        </h2>
        {verify.isPending && <Loading label="Vérification de la chaîne…" />}
        {verify.error ? <ErrorAlert error={verify.error} /> : null}
        {verify.data &&
          (verify.data.ok ? (
            <Alert
              severity="success"
              title="Le journal est intact."
              description={`${number(verify.data.checked)} événements vérifiés, jusqu’à la position ${number(verify.data.headPosition ?? 0)}.`}
            />
          ) : (
            <Alert
              severity="error"
              title={`Le journal a été altéré à la position ${number(verify.data.position ?? 0)}.`}
              description={`${number(verify.data.checked)} événements vérifiés avant l’anomalie.`}
            />
          ))}
        <Button className="fr-mt-2w" priority="secondary" onClick={() => void verify.refetch()}>
          Vérifier à nouveau
        </Button>
      </section>
      <section className="fr-mb-4w" aria-labelledby="digest">
        <h2 id="digest" className="fr-h4">
          Empreinte signée
        </h2>
        <p>
          Une empreinte signée atteste l’état du journal à un instant. Conservez-la : plus tard, elle prouve que le journal n’a pas été
          réécrit depuis.
        </p>
        <Button onClick={() => digest.mutate()} disabled={digest.isPending}>
          Obtenir une empreinte signée
        </Button>
        {digest.error ? <ErrorAlert error={digest.error} className="fr-mt-2w" /> : null}
        {digest.data && (
          <div className="fr-mt-2w">
            <p>
              Empreinte du {dateTime(digest.data.signedAt)} : {number(digest.data.eventCount)} événements, position{' '}
              {number(digest.data.headPosition)}, clé {digest.data.keyId}.
            </p>
            <Button priority="secondary" iconId="fr-icon-download-line" onClick={() => save(digest.data!)}>
              Télécharger l’empreinte
            </Button>
          </div>
        )}
      </section>
      <section aria-labelledby="against">
        <h2 id="against" className="fr-h4">
          Vérifier une empreinte conservée
        </h2>
        <Upload
          label="Empreinte signée (fichier JSON)"
          hint="Le fichier téléchargé plus tôt."
          nativeInputProps={{ accept: 'application/json,.json', onChange: (e) => void load(e.target.files?.[0]) }}
        />
        {uploadError && <Alert severity="error" small description={uploadError} className="fr-mt-2w" />}
        {against.error ? <ErrorAlert error={against.error} className="fr-mt-2w" /> : null}
        {against.data &&
          (against.data.ok ? (
            <Alert
              className="fr-mt-2w"
              severity="success"
              title="Le journal prolonge bien cette empreinte."
              description="Rien de ce qu’elle couvre n’a été modifié, supprimé ni inséré."
            />
          ) : (
            <Alert
              className="fr-mt-2w"
              severity="error"
              title="Le journal ne prolonge pas cette empreinte."
              description={
                against.data.chain.ok
                  ? 'La signature n’est pas valide pour la clé du serveur, ou l’histoire signée a été réécrite.'
                  : `Le journal est altéré à la position ${number(against.data.chain.position ?? 0)}.`
              }
            />
          ))}
      </section>
    </Page>
  );
}
