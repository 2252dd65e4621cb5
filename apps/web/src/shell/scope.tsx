import { useSearchParams } from 'react-router';
import { REGIONS } from '../../../../libs/territory/src/domain/geography';
import { $api, type Schemas } from '../api/client';

export type Agency = Schemas['AgencyView'];

export const regionName = (code: string | null | undefined) => (code ? (REGIONS[code]?.name ?? `Région ${code}`) : '—');
export const REGION_OPTIONS = Object.entries(REGIONS)
  .map(([value, r]) => ({ value, label: r.name }))
  .sort((a, b) => a.label.localeCompare(b.label, 'fr'));

/** The agencies this user may see (a manager's own, a director's regions, all for others). */
export function useAgencies() {
  const query = $api.useQuery('get', '/agencies', { params: { query: { limit: 500 } } }, { staleTime: 5 * 60_000 });
  const list = query.data?.items ?? [];
  return { ...query, list, byCode: new Map(list.map((a) => [a.safir, a])) };
}

export function agencyLabel(a: Agency | undefined, safir: string): string {
  return a ? `${a.name} (${a.safir})` : `Agence ${safir}`;
}

const thisYear = () => new Date().getFullYear();

/**
 * The year a page shows: `?annee=` when given, else the latest year with activity in the agency's
 * history (a demo or an archive ends before today), never after the current year.
 */
export function useYear(safir?: string): { year: number; setYear(year: number): void; latestActivityYear: number | null } {
  const [params, setParams] = useSearchParams();
  const latest = $api.useQuery(
    'get',
    '/agencies/{safir}/timeline',
    { params: { path: { safir: safir ?? '00000' }, query: { limit: 1 } } },
    { enabled: Boolean(safir), staleTime: 5 * 60_000 },
  );
  const occurred = latest.data?.items[0]?.occurredAt;
  const latestActivityYear = occurred ? Math.min(Number(occurred.slice(0, 4)), thisYear()) : null;
  const given = Number(params.get('annee'));
  // A past view opens on the year of its date ("au" 30/06/2018: the 2018 plan and fund).
  const pastYear = /^\d{4}-\d{2}-\d{2}/.test(params.get('au') ?? '') ? Number(params.get('au')!.slice(0, 4)) : null;
  const year = Number.isInteger(given) && given >= 2000 && given <= 2100 ? given : (pastYear ?? latestActivityYear ?? thisYear());
  return {
    year,
    latestActivityYear,
    setYear: (next) =>
      setParams((current) => {
        const out = new URLSearchParams(current);
        out.set('annee', String(next));
        return out;
      }),
  };
}

/** Years offered in selectors: the ten last, newest first. */
export const YEAR_OPTIONS = Array.from({ length: 12 }, (_, i) => thisYear() - i);
