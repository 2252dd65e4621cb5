import { useMemo, useState, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  render?: (row: T) => ReactNode;
  /** The value a column sorts by; a column without one does not sort. */
  sort?: (row: T) => string | number | null;
  numeric?: boolean;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  pageSize?: number;
  /** Shown instead of an empty table. */
  empty?: ReactNode;
  initialSort?: { key: string; descending?: boolean };
}

/** A DSFR table whose headers sort (click or Enter) and whose long lists page. */
export function DataTable<T>({ caption, columns, rows, rowKey, pageSize = 25, empty, initialSort }: Props<T>) {
  const [sort, setSort] = useState(initialSort ?? null);
  const [page, setPage] = useState(1);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column?.sort) return rows;
    const value = column.sort;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order =
        x === y
          ? 0
          : x === null
            ? 1
            : y === null
              ? -1
              : typeof x === 'number' && typeof y === 'number'
                ? x - y
                : String(x).localeCompare(String(y), 'fr');
      return sort!.descending ? -order : order;
    });
  }, [rows, columns, sort]);
  if (rows.length === 0 && empty) return <>{empty}</>;
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pages);
  const shown = sorted.slice((current - 1) * pageSize, current * pageSize);
  return (
    <div className="fr-table fr-table--no-caption ancrage-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (sort!.descending ? 'descending' : 'ascending') : c.sort ? 'none' : undefined}
                  className={c.numeric ? 'ancrage-num' : undefined}
                >
                  {c.sort ? (
                    <button
                      type="button"
                      className="ancrage-sort"
                      onClick={() => setSort({ key: c.key, descending: active ? !sort!.descending : false })}
                    >
                      {c.label}
                      <span aria-hidden="true">{active ? (sort!.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'ancrage-num' : undefined}>
                  {c.render ? c.render(row) : String((row as Record<string, unknown>)[c.key] ?? '—')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={current} pages={pages} onPage={setPage} />
      <p className="fr-text--xs fr-mt-1w">
        {sorted.length} ligne{sorted.length > 1 ? 's' : ''}
        {pages > 1 ? ` — page ${current} sur ${pages}` : ''}
      </p>
    </div>
  );
}

/** DSFR pagination with buttons (the pages are in memory, not in the address). */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage(n: number): void }) {
  if (pages <= 1) return null;
  const around = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return (
    <nav role="navigation" className="fr-pagination fr-mt-2w" aria-label="Pagination">
      <ul className="fr-pagination__list">
        <li>
          <button
            type="button"
            className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
            disabled={page === 1}
            onClick={() => onPage(page - 1)}
          >
            Page précédente
          </button>
        </li>
        {around.map((n) => (
          <li key={n}>
            <button
              type="button"
              className="fr-pagination__link"
              aria-current={n === page ? 'page' : undefined}
              title={`Page ${n}`}
              onClick={() => onPage(n)}
            >
              {n}
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
            disabled={page === pages}
            onClick={() => onPage(page + 1)}
          >
            Page suivante
          </button>
        </li>
      </ul>
    </nav>
  );
}
