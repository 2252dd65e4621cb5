import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { ERROR_CODE } from '../i18n/catalogue';

export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <p className="ancrage-loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

/** The French sentence for an API error, with its correlation id for the support desk. */
export function errorText(error: unknown): { title: string; detail: string | null } {
  if (error instanceof ApiError) {
    const title = ERROR_CODE[error.code] ?? (error.status >= 500 ? ERROR_CODE.INTERNAL : 'La demande a été refusée.');
    return { title, detail: error.body?.correlationId ? `Numéro de suivi : ${error.body.correlationId}` : null };
  }
  return { title: 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.', detail: null };
}

export function ErrorAlert({ error, className }: { error: unknown; className?: string }) {
  const { title, detail } = errorText(error);
  return detail ? (
    <Alert severity="error" title={title} description={detail} className={className ?? 'fr-mb-3w'} />
  ) : (
    <Alert severity="error" small description={title} className={className ?? 'fr-mb-3w'} />
  );
}

/** What to do when there is nothing yet: every empty state says the next step. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="ancrage-empty fr-p-3w fr-mb-3w">
      <p className="fr-text--lg fr-mb-1w">{title}</p>
      {children && <div className="fr-text--sm fr-mb-0">{children}</div>}
    </div>
  );
}

/** Loading, error or the content: the three states every view goes through. */
export function Async<T>({
  query,
  children,
  empty,
}: {
  query: { data?: T; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
  empty?: ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) {
    if (empty && query.error instanceof ApiError && query.error.status === 404) return <>{empty}</>;
    return <ErrorAlert error={query.error} />;
  }
  return <>{children(query.data as T)}</>;
}
