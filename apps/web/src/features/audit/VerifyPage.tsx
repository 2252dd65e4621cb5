import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { $api, api, type Schemas } from '../../api/client';
import { dateTime, number } from '../../i18n/format';
import { ErrorAlert, Loading } from '../../ui/Feedback';
import { Page } from '../../ui/Page';

type TreeHead = Schemas['SignedTreeHeadView'];

/** The auditor's first check: every event holds, the log extends the signed tree heads; and a head kept earlier. */
export default function VerifyPage() {
  const verify = $api.useQuery('get', '/audit/verify', {}, { staleTime: 0 });
  const treeHead = useMutation({ mutationFn: async () => (await api.GET('/audit/tree-head')).data! });
  const [uploadError, setUploadError] = useState<string | null>(null);
  const against = useMutation({ mutationFn: async (head: TreeHead) => (await api.POST('/audit/verify-head', { body: { head } })).data! });

  const save = (d: TreeHead) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([JSON.stringify(d, null, 2)], { type: 'application/json' }));
    a.download = `tete-arbre-journal-${d.treeSize}.json`;
    a.click();
  };
  const load = async (file: File | undefined) => {
    setUploadError(null);
    if (!file) return;
    try {
      against.mutate(JSON.parse(await file.text()) as TreeHead);
    } catch {
      setUploadError('Ce fichier n’est pas une tête d’arbre signée (JSON attendu).');
    }
  };

  return (
    <Page
      title="Vérifier le journal"
      context="Chaque événement porte l’empreinte du précédent, et des têtes d’arbre signées attestent régulièrement l’état du journal : une modification, une suppression, une insertion ou une réécriture est détectée et localisée."
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
              description={`${number(verify.data.checked)} événements vérifiés, jusqu’à la position ${number(verify.data.headPosition)}${
                verify.data.headsChecked
                  ? ` ; le journal prolonge ${number(verify.data.headsChecked)} tête(s) d’arbre signée(s), jusqu’à ${number(verify.data.provenSize)} événements`
                  : ''
              }.`}
            />
          ) : (
            <Alert
              severity="error"
              title={`Le journal a été altéré à la position ${number(verify.data.position ?? 0)}.`}
              description={`${number(verify.data.checked)} événements lus.`}
            />
          ))}
        {verify.data?.unproven && (
          <Alert
            className="fr-mt-2w"
            severity="info"
            small
            description={
              verify.data.headsChecked
                ? `Les ${number(verify.data.checked - verify.data.provenSize)} derniers événements ne sont pas encore couverts par une tête signée : leur suppression ou leur réécriture ne pourrait pas être prouvée.`
                : 'Aucune tête d’arbre signée : une réécriture complète du journal ne pourrait pas être prouvée.'
            }
          />
        )}
        <Button className="fr-mt-2w" priority="secondary" onClick={() => void verify.refetch()}>
          Vérifier à nouveau
        </Button>
      </section>
      <section className="fr-mb-4w" aria-labelledby="tree-head">
        <h2 id="tree-head" className="fr-h4">
          Tête d’arbre signée
        </h2>
        <p>
          Une tête d’arbre signée atteste l’état du journal à un instant (racine de l’arbre de Merkle de ses événements). Conservez-la :
          plus tard, elle prouve, avec la seule clé publique, que le journal n’a pas été réécrit depuis.
        </p>
        <Button onClick={() => treeHead.mutate()} disabled={treeHead.isPending}>
          Obtenir la tête d’arbre signée
        </Button>
        {treeHead.error ? <ErrorAlert error={treeHead.error} className="fr-mt-2w" /> : null}
        {treeHead.data && (
          <div className="fr-mt-2w">
            <p>
              Tête signée le {dateTime(treeHead.data.signedAt)} : {number(treeHead.data.treeSize)} événements, jusqu’à la position{' '}
              {number(treeHead.data.lastPosition)}, clé {treeHead.data.keyId}.
            </p>
            <Button priority="secondary" iconId="fr-icon-download-line" onClick={() => save(treeHead.data!)}>
              Télécharger la tête signée
            </Button>
          </div>
        )}
      </section>
      <section aria-labelledby="against">
        <h2 id="against" className="fr-h4">
          Vérifier une tête signée conservée
        </h2>
        <Upload
          label="Tête d’arbre signée (fichier JSON)"
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
              title="Le journal prolonge bien cette tête signée."
              description="Rien de ce qu’elle couvre n’a été modifié, supprimé ni inséré."
            />
          ) : (
            <Alert
              className="fr-mt-2w"
              severity="error"
              title="Le journal ne prolonge pas cette tête signée."
              description={
                against.data.position === undefined
                  ? 'La signature n’est pas valide pour la clé publique du serveur.'
                  : `Le journal est altéré à la position ${number(against.data.position)}.`
              }
            />
          ))}
      </section>
    </Page>
  );
}
