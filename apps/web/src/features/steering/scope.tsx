import { Select } from '@codegouvfr/react-dsfr/Select';
import { useSearchParams } from 'react-router';
import { REGION_OPTIONS, regionName, useAgencies, useYear } from '../../shell/scope';
import { useSession } from '../../shell/session';
import { YearSelect } from '../../shell/YearSelect';

/**
 * The scope a director's page reads: a region among theirs (or the country for a national director,
 * an auditor or an administrator), and a year. Both live in the address.
 */
export function useRegionScope(options: { year?: boolean } = {}) {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const agencies = useAgencies();
  const everywhere = session.national || session.roles.has('auditor') || session.roles.has('admin');
  const choices = everywhere ? REGION_OPTIONS : REGION_OPTIONS.filter((r) => session.directedRegions.includes(r.value));
  const asked = params.get('region') ?? '';
  const region = choices.some((c) => c.value === asked) ? asked : everywhere ? '' : (choices[0]?.value ?? '');
  const first = agencies.list.find((a) => !region || a.region === region);
  const { year, setYear } = useYear(first?.safir);
  return {
    region: region || undefined,
    year,
    label: region ? regionName(region) : 'Toute la France',
    agencies: agencies.list.filter((a) => !region || a.region === region),
    agencyName: (safir: string) => agencies.byCode.get(safir)?.name ?? safir,
    controls: (
      <>
        <Select
          label="Territoire"
          nativeSelectProps={{
            value: region,
            onChange: (e) =>
              setParams((current) => {
                const out = new URLSearchParams(current);
                if (e.target.value) out.set('region', e.target.value);
                else out.delete('region');
                return out;
              }),
          }}
        >
          {everywhere && <option value="">Toute la France</option>}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
        {options.year !== false && <YearSelect year={year} setYear={setYear} />}
      </>
    ),
  };
}
