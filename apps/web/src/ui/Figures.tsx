import type { ReactNode } from 'react';

export interface Figure {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  tone?: 'default' | 'warning' | 'success';
}

/** Key figures in a row of tiles. */
export function Figures({ items, title }: { items: Figure[]; title?: string }) {
  return (
    <section className="fr-mb-4w" aria-label={title ?? 'Chiffres clés'}>
      <ul className="ancrage-figures">
        {items.map((f) => (
          <li key={f.label} className={`ancrage-figure ancrage-figure--${f.tone ?? 'default'}`}>
            <span className="ancrage-figure__label">{f.label}</span>
            <span className="ancrage-figure__value">{f.value}</span>
            {f.detail && <span className="ancrage-figure__detail">{f.detail}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
