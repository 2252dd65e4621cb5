import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';

const common = {
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'same-origin' as const },
  frameguard: { action: 'deny' as const },
};

/**
 * The page's Content-Security-Policy: everything from this origin, no inline script, no eval.
 * Inline styles stay allowed (React and DSFR set style attributes).
 */
const page = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});

/** Swagger UI (/docs) bootstraps with an inline script: its own, looser policy. */
const docs = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: true,
    directives: { scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] },
  },
});

/** Security headers on every answer (helmet): CSP, nosniff, frame and referrer policies, HSTS. */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  (req.path.startsWith('/docs') ? docs : page)(req, res, next);
}
