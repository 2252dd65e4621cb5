import { gzipSync } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';

/** Answers smaller than this travel as they are: compressing them saves less than it costs. */
const THRESHOLD_BYTES = 1024;
const ENCODED = Symbol('ancrage:json-encoding');

/** A JSON text and its gzip form, computed once and kept with it (a cached view's answer). */
export interface EncodedJson {
  json: string;
  gzip?: Buffer;
}

/** Tells the encoder that this answer's gzip form may be kept in (and taken from) `encoded`. */
export function sendingEncoded(res: Response, encoded: EncodedJson): void {
  (res.locals as Record<symbol, EncodedJson>)[ENCODED] = encoded;
}

/**
 * Gzips JSON answers in one synchronous call at the fastest level, when the client accepts gzip.
 * The `compression` middleware streams every answer through a zlib stream on the thread pool,
 * which under load cost more event-loop turns than the bytes it saved; it still compresses what
 * this leaves alone (the page's files), and skips what is already encoded. A cached view's gzip
 * form is kept with it, so a hit is not compressed again.
 */
export function jsonEncoding(req: Request, res: Response, next: NextFunction): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const json = typeof body === 'string' ? body : null;
    const type = String(res.getHeader('content-type') ?? '');
    if (
      json === null ||
      json.length < THRESHOLD_BYTES ||
      !type.includes('json') ||
      res.getHeader('content-encoding') !== undefined ||
      req.acceptsEncodings('gzip', 'identity') !== 'gzip'
    )
      return send(body);
    const kept = (res.locals as Record<symbol, EncodedJson | undefined>)[ENCODED];
    const gzip = kept?.json === json ? (kept.gzip ??= gzipSync(json, { level: 1 })) : gzipSync(json, { level: 1 });
    res.setHeader('Content-Encoding', 'gzip');
    res.vary('Accept-Encoding');
    return send(gzip);
  };
  next();
}
