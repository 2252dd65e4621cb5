/** French labels of the documents' codes: one source for the page's catalogue. */
export const DOCUMENT_ERROR_FR: Readonly<Record<string, string>> = {
  DOCUMENT_NOT_FOUND: 'Ce document n’est pas joint à cette convention.',
  DOCUMENT_WITHDRAWN: 'Ce document a déjà été retiré.',
  DOCUMENT_ALTERED:
    'Le fichier conservé ne correspond plus à l’empreinte enregistrée : il a été modifié ou perdu depuis son dépôt. Prévenez l’administrateur.',
  NOT_A_DOCUMENT: 'Ce fichier n’est ni un PDF, ni une image PNG ou JPEG, ni un document Word (.docx) ou OpenDocument (.odt).',
  FILE_REQUIRED: 'Choisissez le fichier à joindre.',
  EMPTY_FILE: 'Ce fichier est vide.',
};

export const DOCUMENT_MEDIA_TYPE_FR: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'Image PNG',
  'image/jpeg': 'Image JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Document Word',
  'application/vnd.oasis.opendocument.text': 'Document OpenDocument',
};
