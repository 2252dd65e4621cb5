import type { Alert } from '@ancrage/shared-kernel';

/** Where in the page an alert is acted on. */
export function alertPath(a: Alert): string {
  switch (a.kind) {
    case 'AGREEMENT_EXPIRING':
    case 'EXPECTATION_OPEN':
      return `/agence/${a.safir}/partenaires/${a.ref}`;
    case 'ENVELOPE_RUNNING_OUT':
    case 'OVER_COMMITMENT_PENDING':
      return `/agence/${a.safir}/fonds?annee=${a.year ?? ''}`;
    case 'ACTION_LATE':
      return `/agence/${a.safir}/plan?annee=${a.year ?? ''}`;
  }
}

/** One alert's identity across runs (a digest says what is new since the last one). */
export const alertKey = (a: Alert) => [a.kind, a.safir, a.ref, a.code ?? ''].join('|');
