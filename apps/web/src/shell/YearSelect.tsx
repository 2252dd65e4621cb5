import { Select } from '@codegouvfr/react-dsfr/Select';
import { YEAR_OPTIONS } from './scope';

/** The year a page shows, chosen among the recent ones (kept in the address by useYear). */
export function YearSelect({ year, setYear, label = 'Année' }: { year: number; setYear: (year: number) => void; label?: string }) {
  return (
    <Select label={label} nativeSelectProps={{ value: String(year), onChange: (e) => setYear(Number(e.target.value)) }}>
      {YEAR_OPTIONS.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </Select>
  );
}
