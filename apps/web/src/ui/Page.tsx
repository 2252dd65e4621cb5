import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useEffect, type ReactNode } from 'react';

/** Each page names itself in the browser tab (RGAA: a relevant title per page). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Ancrage`;
  }, [title]);
}

interface Props {
  title: string;
  /** Smaller words beside the title (the agency, the year). */
  context?: ReactNode;
  trail?: { label: string; to: string }[];
  actions?: ReactNode;
  children: ReactNode;
}

/** A page: its breadcrumb, its one h1, the tools beside it, then its content. */
export function Page({ title, context, trail = [], actions, children }: Props) {
  usePageTitle(title);
  return (
    <>
      <Breadcrumb
        currentPageLabel={title}
        homeLinkProps={{ to: '/' }}
        segments={trail.map((t) => ({ label: t.label, linkProps: { to: t.to } }))}
        className="fr-mb-2w"
      />
      <div className="ancrage-page-head fr-mb-3w">
        <h1 className="fr-mb-1w">{title}</h1>
        {context && <p className="fr-text--lead fr-mb-0">{context}</p>}
      </div>
      {actions && <div className="ancrage-toolbar">{actions}</div>}
      {children}
    </>
  );
}
