import { $api } from '../../api/client';

/** User ids to the names they go by, for the authors a page shows (the id while unknown). */
export function usePeople(ids: readonly (string | null | undefined)[]): (id: string) => string {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && /^[a-z0-9][a-z0-9_-]{1,62}$/.test(id)))].sort();
  const people = $api.useQuery(
    'get',
    '/people',
    { params: { query: { userId: wanted } } },
    { enabled: wanted.length > 0, staleTime: 5 * 60_000 },
  );
  const names = new Map((people.data ?? []).map((p) => [p.userId, p.displayName]));
  return (id) => names.get(id) ?? id;
}
