import type { DocumentMediaType } from './documents.events';

/**
 * What a file is, from its first bytes rather than its name or the browser's say-so: a PDF, a PNG,
 * a JPEG, or a zip package that declares itself a Word (DOCX) or OpenDocument text. Anything else
 * is not a document Ancrage keeps (null).
 */
export function documentKind(bytes: Uint8Array): DocumentMediaType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (!starts(0x50, 0x4b, 0x03, 0x04)) return null; // PK\3\4: a zip
  // An OpenDocument's first entry is its uncompressed `mimetype` (ODF 1.2 §3.3).
  const head = Buffer.from(bytes.subarray(0, 80)).toString('latin1');
  if (head.slice(30, 38) === 'mimetype' && head.slice(38, 77) === 'application/vnd.oasis.opendocument.text')
    return 'application/vnd.oasis.opendocument.text';
  // A DOCX's part names are listed in the zip's central directory, at its end.
  const names = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 65_536))).toString('latin1');
  if (names.includes('[Content_Types].xml') && names.includes('word/document.xml'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return null;
}
