import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { $api, download, uploadFile, type Schemas } from '../../api/client';
import { DOCUMENT_MEDIA_TYPE, label } from '../../i18n/catalogue';
import { date, fileSize } from '../../i18n/format';
import { rememberWrite, useReadParams } from '../../shell/past';
import { Async, EmptyState, ErrorAlert } from '../../ui/Feedback';
import { DataTable } from '../../ui/Table';

type Doc = Schemas['AgreementDocumentView'];

/**
 * The signed documents of the partnership's agreements: each kept with its fingerprint (SHA-256),
 * downloaded as it was attached, and a form to attach one to the current agreement.
 */
export function AgreementDocuments(p: { safir: string; partnerId: string; agreementId: string | null; canWrite: boolean }) {
  const { safir, partnerId } = p;
  const read = useReadParams();
  const queries = useQueryClient();
  const documents = $api.useQuery('get', '/agencies/{safir}/partnerships/{partnerId}/documents', {
    params: { path: { safir, partnerId }, query: { ...read, limit: 100 } },
  });
  const [title, setTitle] = useState('Convention signée');
  const [file, setFile] = useState<File | null>(null);
  const attach = useMutation({
    mutationFn: () =>
      uploadFile<Schemas['DocumentAttachedView']>(
        `/agencies/${safir}/partnerships/${partnerId}/agreements/${p.agreementId}/documents`,
        file!,
        { title },
      ),
    // The list reads again once the projection has the new document (consistentWith its position).
    onSuccess: (answer) => {
      rememberWrite(answer.position);
      return queries.invalidateQueries();
    },
  });
  // A refused download (a file altered since it was attached: DOCUMENT_ALTERED) is said in the page.
  const fetchFile = useMutation({
    mutationFn: (d: Doc) =>
      download(`/agencies/${safir}/partnerships/${partnerId}/agreements/${d.agreementId}/documents/${d.documentId}`, {}, d.fileName),
  });
  return (
    <section aria-labelledby="documents" className="fr-mt-4w">
      <h2 id="documents" className="fr-h4">
        Documents signés
      </h2>
      <Async query={documents}>
        {(page) => (
          <DataTable
            caption="Documents joints aux conventions"
            rowKey={(d) => `${d.agreementId}-${d.documentId}`}
            rows={page.items}
            empty={
              <EmptyState title="Aucun document joint.">
                Joignez la convention signée : son empreinte prouvera plus tard qu’elle n’a pas changé.
              </EmptyState>
            }
            columns={[
              { key: 'title', label: 'Document', sort: (d) => d.title, render: (d) => d.title },
              { key: 'agreementId', label: 'Convention', render: (d) => d.agreementId },
              { key: 'mediaType', label: 'Format', render: (d) => `${label(DOCUMENT_MEDIA_TYPE, d.mediaType)}, ${fileSize(d.sizeBytes)}` },
              { key: 'attachedOn', label: 'Joint le', sort: (d) => d.attachedOn, render: (d) => date(d.attachedOn) },
              {
                key: 'file',
                label: 'Fichier',
                render: (d) => (
                  <Button
                    priority="tertiary"
                    size="small"
                    iconId="fr-icon-download-line"
                    onClick={() => fetchFile.mutate(d)}
                    title={`Empreinte SHA-256 : ${d.documentId}`}
                  >
                    {d.fileName}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Async>
      {fetchFile.error ? <ErrorAlert error={fetchFile.error} className="fr-mt-2w" /> : null}
      {p.canWrite && p.agreementId && (
        <form
          className="fr-mt-2w"
          aria-label="Joindre un document"
          onSubmit={(e) => {
            e.preventDefault();
            if (file) attach.mutate();
          }}
        >
          <Input
            label="Intitulé du document"
            nativeInputProps={{ value: title, onChange: (e) => setTitle(e.target.value), required: true, maxLength: 200 }}
          />
          <Upload
            label={`Fichier à joindre à la convention ${p.agreementId}`}
            hint="PDF, image PNG ou JPEG, document Word (.docx) ou OpenDocument (.odt), 10 Mo au plus."
            nativeInputProps={{
              accept: '.pdf,.png,.jpg,.jpeg,.docx,.odt',
              onChange: (e) => {
                setFile(e.target.files?.[0] ?? null);
                attach.reset();
              },
            }}
          />
          {attach.error ? <ErrorAlert error={attach.error} className="fr-mt-2w" /> : null}
          {attach.isSuccess && (
            <p role="status" className="fr-mt-2w">
              Document joint.
            </p>
          )}
          <Button type="submit" className="fr-mt-2w" disabled={!file || attach.isPending}>
            Joindre le document
          </Button>
        </form>
      )}
    </section>
  );
}
