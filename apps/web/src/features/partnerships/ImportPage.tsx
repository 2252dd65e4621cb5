import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { $api, api, download, uploadFile, type Schemas } from '../../api/client';
import { ERROR_CODE, IMPORT_KIND, IMPORT_STATUS, ROW_OUTCOME, VALIDATION_CODE, label, options } from '../../i18n/catalogue';
import { number } from '../../i18n/format';
import { ErrorAlert } from '../../ui/Feedback';
import { Figures } from '../../ui/Figures';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from '../agency/useAgencyContext';

type Run = Schemas['ImportRunView'];
type Kind = 'partners' | 'agreements' | 'contacts';

const WORKING = new Set(['REHEARSING', 'APPLYING']);

/** A problem of a row in French: the catalogue's words for its code, else the server's own. */
const problemText = (p: Schemas['RowProblemView']) => {
  const where = p.columnLetter ? `Colonne ${p.columnLetter} (${p.header ?? p.column ?? ''}) : ` : '';
  const words =
    p.code === 'INVALID_CELL' || p.code === 'UNKNOWN_PARTNER' || p.code === 'FORBIDDEN'
      ? p.message
      : (VALIDATION_CODE[p.code] ?? ERROR_CODE[p.code] ?? p.message);
  return `${where}${words}`;
};

/**
 * Bringing in an agency's spreadsheets: choose what the file holds, upload it, read the dry run
 * row by row (nothing is recorded yet), then import. Long files show their progress.
 */
export default function ImportPage({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const [kind, setKind] = useState<Kind>('partners');
  const [importId, setImportId] = useState<string | null>(null);
  const template = $api.useQuery('get', '/imports/templates/{kind}', { params: { path: { kind } } }, { staleTime: Infinity });
  const run = $api.useQuery(
    'get',
    '/agencies/{safir}/imports/{importId}',
    { params: { path: { safir, importId: importId ?? '' }, query: { limit: 500 } } },
    { enabled: importId !== null, refetchInterval: (q) => (q.state.data && WORKING.has(q.state.data.status) ? 500 : false) },
  );
  const send = useMutation({
    mutationFn: (file: File) => uploadFile<Run>(`/agencies/${safir}/imports/${kind}`, file),
    onSuccess: (r) => setImportId(r.importId),
  });
  const apply = useMutation({
    mutationFn: async () =>
      (await api.POST('/agencies/{safir}/imports/{importId}/apply', { params: { path: { safir, importId: importId! } } })).data!,
    onSuccess: () => void run.refetch(),
  });
  const r = run.data;
  const working = r ? WORKING.has(r.status) : false;

  return (
    <Page title="Importer un tableur" context={ctx.context} trail={ctx.trail}>
      <p>
        Reprenez vos tableaux de partenaires, de conventions et de contacts (Excel .xlsx ou CSV). Un essai indique d’abord, ligne par ligne,
        ce que l’import créera, modifiera ou refusera : rien n’est enregistré avant que vous le confirmiez. Importer deux fois le même
        fichier n’enregistre rien de plus.
      </p>
      <RadioButtons
        legend="Le fichier contient"
        orientation="horizontal"
        options={options(IMPORT_KIND).map((o) => ({
          label: o.label,
          nativeInputProps: {
            checked: kind === o.value,
            onChange: () => {
              setKind(o.value as Kind);
              setImportId(null);
              send.reset();
            },
          },
        }))}
      />
      <div className="ancrage-toolbar fr-mb-3w">
        <Button
          priority="secondary"
          iconId="fr-icon-file-download-line"
          onClick={() => void download(`/imports/templates/${kind}`, { format: 'xlsx' }, `modele-${kind}.xlsx`)}
        >
          Télécharger le modèle (Excel)
        </Button>
      </div>
      {template.data && (
        <details className="fr-mb-3w">
          <summary>Colonnes reconnues</summary>
          <ul>
            {template.data.columns.map((c) => (
              <li key={c.key}>
                <strong>{c.header}</strong> — {c.help}
                {c.synonyms.length ? ` (aussi : ${c.synonyms.join(', ')})` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      {ctx.canWrite ? (
        <Upload
          label={`Fichier de ${label(IMPORT_KIND, kind).toLowerCase()}`}
          hint="Classeur .xlsx ou fichier .csv, 10 Mo au plus. Les en-têtes sont reconnus sans tenir compte des accents ni des majuscules."
          nativeInputProps={{
            accept: '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            onChange: (e) => {
              const file = e.target.files?.[0];
              if (file) send.mutate(file);
            },
          }}
        />
      ) : (
        <Alert severity="info" small description="Seul un responsable de l’agence peut importer ses tableaux." />
      )}
      {send.error ? <ErrorAlert error={send.error} className="fr-mt-2w" /> : null}
      {apply.error ? <ErrorAlert error={apply.error} className="fr-mt-2w" /> : null}
      {r && (
        <section aria-labelledby="report" className="fr-mt-4w">
          <h2 id="report" className="fr-h4">
            {r.fileName} — {label(IMPORT_STATUS, r.status)}
          </h2>
          {working && (
            <div role="status" aria-live="polite">
              <progress max={r.total ?? 1} value={r.done} aria-label="Avancement" className="ancrage-progress" />{' '}
              {r.total ? `${number(r.done)} lignes sur ${number(r.total)}` : 'Lecture du fichier…'}
            </div>
          )}
          {r.error && <Alert severity="error" small description={r.error} />}
          {r.report && (
            <>
              <Figures
                title={r.report.dryRun ? 'Ce que l’import ferait' : 'Ce que l’import a fait'}
                items={(['CREATE', 'UPDATE', 'UNCHANGED', 'REFUSED'] as const).map((o) => ({
                  label: label(ROW_OUTCOME, o),
                  value: number(r.report!.counts[o]),
                  tone: o === 'REFUSED' && r.report!.counts.REFUSED ? 'warning' : 'default',
                }))}
              />
              {r.report.sheet.unknownHeaders.length > 0 && (
                <p className="fr-text--sm">Colonnes ignorées : {r.report.sheet.unknownHeaders.join(', ')}.</p>
              )}
              {r.status === 'REHEARSED' && ctx.canWrite && (
                <Button iconId="fr-icon-upload-line" disabled={apply.isPending} onClick={() => apply.mutate()}>
                  Importer {number(r.report.counts.CREATE + r.report.counts.UPDATE)} lignes
                </Button>
              )}
              {r.status === 'APPLIED' && <Alert severity="success" small description="L’import est terminé." className="fr-mb-2w" />}
              <DataTable
                caption="Lignes du fichier"
                rowKey={(row) => String(row.row)}
                rows={r.report.rows}
                columns={[
                  { key: 'row', label: 'Ligne', numeric: true, sort: (row) => row.row, render: (row) => row.row },
                  { key: 'outcome', label: 'Résultat', sort: (row) => row.outcome, render: (row) => label(ROW_OUTCOME, row.outcome) },
                  { key: 'partner', label: 'Partenaire', render: (row) => row.partnerId ?? '—' },
                  { key: 'why', label: 'Motif', render: (row) => row.problems.map(problemText).join(' ; ') || '—' },
                ]}
              />
            </>
          )}
        </section>
      )}
    </Page>
  );
}
