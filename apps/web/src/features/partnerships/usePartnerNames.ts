import { $api } from '../../api/client';

/** Partner ids to names, from the shared register (histories name partners, not their ids). */
export function usePartnerNames(): Map<string, string> {
  const register = $api.useQuery('get', '/partners', { params: { query: { limit: 500 } } }, { staleTime: 5 * 60_000 });
  return new Map((register.data?.items ?? []).map((p) => [p.partnerId, p.name]));
}
