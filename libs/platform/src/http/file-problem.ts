import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';

/** A refused upload, in the error shape of every route, naming the `file` field. */
export function fileProblem(status: 400 | 413 | 415, code: string, message: string) {
  const body = { code, message, fields: [{ field: 'file', problems: [message], codes: [code] }] };
  if (status === 413) return new PayloadTooLargeException(body);
  return status === 415 ? new UnsupportedMediaTypeException(body) : new BadRequestException(body);
}
