import { Button } from '@codegouvfr/react-dsfr/Button';
import { download } from '../api/client';

type Query = Record<string, string | number | undefined>;

/**
 * A view's table as files: the workbook (typed cells, the date shown written on the sheet) and the
 * CSV French Excel opens as columns (semicolons, decimal commas, a byte-order mark).
 */
export function Downloads({ path, query, name }: { path: string; query: Query; name: string }) {
  return (
    <>
      <Button
        priority="secondary"
        iconId="fr-icon-file-download-line"
        onClick={() => void download(path, { ...query, format: 'xlsx' }, `${name}.xlsx`)}
      >
        Télécharger (Excel)
      </Button>
      <Button
        priority="tertiary"
        iconId="fr-icon-download-line"
        onClick={() => void download(path, { ...query, format: 'csv', locale: 'fr' }, `${name}.csv`)}
      >
        Télécharger (CSV)
      </Button>
    </>
  );
}
