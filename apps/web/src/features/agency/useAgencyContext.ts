import { $api } from '../../api/client';
import { usePast } from '../../shell/past';
import { agencyLabel, regionName } from '../../shell/scope';
import { useSession } from '../../shell/session';

/** What every agency page needs: its name and region, and whether this user may record here now. */
export function useAgencyContext(safir: string) {
  const session = useSession();
  const past = usePast();
  const agency = $api.useQuery('get', '/agencies/{safir}', { params: { path: { safir } } }, { staleTime: 5 * 60_000 });
  const a = agency.data;
  return {
    agency: a,
    error: agency.error,
    label: agencyLabel(a, safir),
    context: a ? `${a.name} — ${regionName(a.region)}, bassin ${a.employmentBasin}` : `Agence ${safir}`,
    /** A manager of this agency, reading today (a past view records nothing). */
    canWrite: session.canWrite(safir) && !past.isPast,
    trail: [{ label: agencyLabel(a, safir), to: `/agence/${safir}` }],
  };
}
