import { useEffect, useRef } from 'react';
import type { Chart as ChartType } from 'chart.js';

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  kind?: 'bar' | 'line';
}

interface Props {
  /** What the chart shows, read by screen readers and used as the table's caption. */
  title: string;
  labels: string[];
  series: Series[];
  stacked?: boolean;
  horizontal?: boolean;
  format?: (value: number) => string;
  height?: number;
  /** The values are counts: whole ticks only. */
  counts?: boolean;
}

// DSFR illustrative colours (readable on white, distinct for the common colour blindnesses).
export const COLORS = {
  blue: '#000091',
  green: '#18753c',
  orange: '#b34000',
  purple: '#6e445a',
  grey: '#929292',
  yellow: '#c3992a',
  teal: '#009081',
  red: '#ce0500',
};

/**
 * A chart drawn by chart.js, with the same figures as a table for keyboard and screen-reader
 * users (RGAA: a chart has a textual alternative).
 */
export function Chart({
  title,
  labels,
  series,
  stacked,
  horizontal,
  format = (v: number) => new Intl.NumberFormat('fr-FR').format(v),
  height = 280,
  counts,
}: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: ChartType | null = null;
    let cancelled = false;
    void import('./chart-setup').then(({ Chart: C }) => {
      if (cancelled || !canvas.current) return;
      chart = new C(canvas.current, {
        type: 'bar',
        data: {
          labels,
          datasets: series.map((s) => ({
            type: s.kind ?? 'bar',
            label: s.label,
            data: s.values,
            backgroundColor: s.color,
            borderColor: s.color,
            ...(s.kind === 'line' ? { tension: 0.2, pointRadius: 2 } : {}),
          })),
        },
        options: {
          indexAxis: horizontal ? 'y' : 'x',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            x: { stacked, ...(horizontal ? { ticks: { callback: (v) => format(Number(v)), ...(counts ? { precision: 0 } : {}) } } : {}) },
            y: { stacked, ...(horizontal ? {} : { ticks: { callback: (v) => format(Number(v)), ...(counts ? { precision: 0 } : {}) } }) },
          },
          plugins: { tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label} : ${format(Number(ctx.raw))}` } } },
        },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [labels, series, stacked, horizontal, format, counts]);
  return (
    <figure className="ancrage-chart fr-mb-3w">
      <div style={{ height }}>
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
      <figcaption>
        <details>
          <summary className="fr-text--sm">{title} — voir les données</summary>
          <div className="fr-table fr-table--sm">
            <table>
              <caption className="fr-sr-only">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">—</th>
                  {series.map((s) => (
                    <th key={s.label} scope="col">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {labels.map((l, i) => (
                  <tr key={l}>
                    <th scope="row">{l}</th>
                    {series.map((s) => (
                      <td key={s.label}>{s.values[i] === null ? '—' : format(s.values[i]!)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
