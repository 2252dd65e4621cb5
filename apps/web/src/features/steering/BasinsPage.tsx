import { Page } from '../../ui/Page';
import { BasinsTable } from '../territory/BasinsTable';
import { useRegionScope } from './scope';

/** The basins of the director's territory: who shares which partners, and who leads each. */
export default function BasinsPage() {
  const scope = useRegionScope({ year: false });
  return (
    <Page title="Bassins d’emploi" context={scope.label} actions={scope.controls}>
      <BasinsTable region={scope.region} />
    </Page>
  );
}
