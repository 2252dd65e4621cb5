import type { Response } from 'superagent';

/** A supertest parser that keeps the answer's bytes (XLSX, CSV with a byte-order mark). */
export function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
