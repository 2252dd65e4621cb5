import { Select } from '@codegouvfr/react-dsfr/Select';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { $api } from '../../api/client';
import { EVENT_TYPE, label, options } from '../../i18n/catalogue';
import { dateTime, date, occurred } from '../../i18n/format';
import { recordedBy, sentence } from '../../i18n/history';
import { usePast } from '../../shell/past';
import { Async, EmptyState } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useAgencyContext } from '../agency/useAgencyContext';

/** The agency's history in plain French: what happened, when, and who recorded it when. */
export default function TimelinePage({ safir }: { safir: string }) {
  const ctx = useAgencyContext(safir);
  const past = usePast();
  const [type, setType] = useState('');
  const [before, setBefore] = useState<number[]>([]);
  const timeline = $api.useQuery('get', '/agencies/{safir}/timeline', {
    params: {
      path: { safir },
      query: {
        limit: 50,
        ...(past.asOf ? { asOf: past.asOf } : {}),
        ...(past.knownAt ? { knownAt: past.knownAt } : {}),
        ...(type ? { type: [type] } : {}),
        ...(before.length ? { before: before.at(-1) } : {}),
      },
    },
  });
  return (
    <Page title="Historique de l’agence" context={ctx.context} trail={ctx.trail}>
      <div className="ancrage-toolbar">
        <Select
          label="Type d’événement"
          nativeSelectProps={{
            value: type,
            onChange: (e) => {
              setType(e.target.value);
              setBefore([]);
            },
          }}
        >
          <option value="">Tous</option>
          {options(EVENT_TYPE).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </div>
      <Async query={timeline}>
        {(data) => (
          <>
            <p>
              {data.total} événement{data.total > 1 ? 's' : ''}
              {past.asOf ? ` survenus au ${date(past.asOf)}` : ''}
              {past.knownAt ? ` et enregistrés le ${dateTime(past.knownAt)} au plus tard` : ''}, du plus récent au plus ancien.
            </p>
            <DataTable
              caption="Historique de l’agence"
              rowKey={(e) => String(e.position)}
              rows={data.items}
              pageSize={50}
              empty={<EmptyState title="Aucun événement." />}
              columns={[
                { key: 'what', label: 'Ce qui a été enregistré', render: (e) => sentence(e, data.names) },
                { key: 'type', label: 'Nature', render: (e) => label(EVENT_TYPE, e.type) },
                { key: 'occurred', label: 'Survenu le', render: (e) => occurred(e.occurredAt) },
                { key: 'recorded', label: 'Enregistré le', render: (e) => dateTime(e.recordedAt) },
                { key: 'who', label: 'Par', render: (e) => recordedBy(e.actor, e.role, data.names) },
              ]}
            />
            <div className="fr-btns-group fr-btns-group--inline">
              {before.length > 0 && (
                <Button priority="secondary" onClick={() => setBefore((b) => b.slice(0, -1))}>
                  Événements plus récents
                </Button>
              )}
              {data.nextBefore !== null && (
                <Button priority="secondary" onClick={() => setBefore((b) => [...b, data.nextBefore!])}>
                  Événements plus anciens
                </Button>
              )}
            </div>
          </>
        )}
      </Async>
    </Page>
  );
}
