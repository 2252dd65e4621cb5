import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { $api } from '../../api/client';
import { EVENT_TYPE, label, options } from '../../i18n/catalogue';
import { dateTime, occurred } from '../../i18n/format';
import { recordedBy, sentence } from '../../i18n/history';
import { useAgencies } from '../../shell/scope';
import { Async, EmptyState } from '../../ui/Feedback';
import { Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';

/** Every event with who recorded it, when it happened and when it was written, in plain French. */
export default function JournalPage() {
  const agencies = useAgencies();
  const [agency, setAgency] = useState('');
  const [type, setType] = useState('');
  const [actor, setActor] = useState('');
  const [recordedFrom, setRecordedFrom] = useState('');
  const [recordedTo, setRecordedTo] = useState('');
  const [pages, setPages] = useState<number[]>([]);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPages([]);
    };
  const events = $api.useQuery('get', '/audit/events', {
    params: {
      query: {
        limit: 100,
        ...(agency ? { agency } : {}),
        ...(type ? { type: [type] } : {}),
        ...(actor.trim() ? { actor: actor.trim() } : {}),
        ...(recordedFrom ? { recordedFrom: `${recordedFrom}T00:00:00.000Z` } : {}),
        ...(recordedTo ? { recordedTo: `${recordedTo}T23:59:59.999Z` } : {}),
        ...(pages.length ? { after: pages.at(-1) } : {}),
      },
    },
  });
  return (
    <Page
      title="Journal des événements"
      context="Du plus ancien au plus récent : chaque enregistrement, son auteur, sa date de survenue et sa date d’écriture."
    >
      <div className="ancrage-toolbar">
        <Select label="Agence" nativeSelectProps={{ value: agency, onChange: (e) => reset(setAgency)(e.target.value) }}>
          <option value="">Toutes</option>
          {agencies.list.map((a) => (
            <option key={a.safir} value={a.safir}>
              {a.name} ({a.safir})
            </option>
          ))}
        </Select>
        <Select label="Nature" nativeSelectProps={{ value: type, onChange: (e) => reset(setType)(e.target.value) }}>
          <option value="">Toutes</option>
          {options(EVENT_TYPE).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
        <Input label="Auteur (identifiant)" nativeInputProps={{ value: actor, onChange: (e) => reset(setActor)(e.target.value) }} />
        <Input
          label="Enregistré à partir du"
          nativeInputProps={{ type: 'date', value: recordedFrom, onChange: (e) => reset(setRecordedFrom)(e.target.value) }}
        />
        <Input
          label="Enregistré jusqu’au"
          nativeInputProps={{ type: 'date', value: recordedTo, onChange: (e) => reset(setRecordedTo)(e.target.value) }}
        />
      </div>
      <Async query={events}>
        {(data) => (
          <>
            <DataTable
              caption="Événements du journal"
              rowKey={(e) => e.eventId}
              rows={data.items}
              pageSize={100}
              empty={<EmptyState title="Aucun événement ne correspond à ces critères." />}
              columns={[
                { key: 'position', label: 'Position', numeric: true, render: (e) => e.position },
                { key: 'what', label: 'Ce qui a été enregistré', render: (e) => sentence(e, data.names) },
                { key: 'type', label: 'Nature', render: (e) => label(EVENT_TYPE, e.type) },
                { key: 'occurred', label: 'Survenu le', render: (e) => occurred(e.metadata.occurredAt) },
                { key: 'recorded', label: 'Enregistré le', render: (e) => dateTime(e.metadata.recordedAt) },
                {
                  key: 'actor',
                  label: 'Par',
                  render: (e) =>
                    `${recordedBy(e.metadata.actor, e.metadata.role, data.names)}${e.metadata.source ? ` — importé de ${e.metadata.source.file}, ligne ${e.metadata.source.row}` : ''}`,
                },
                { key: 'hash', label: 'Empreinte', render: (e) => <code title={e.hash}>{e.hash.slice(0, 12)}…</code> },
              ]}
            />
            <div className="fr-btns-group fr-btns-group--inline">
              {pages.length > 0 && (
                <Button priority="secondary" onClick={() => setPages((p) => p.slice(0, -1))}>
                  Page précédente
                </Button>
              )}
              {data.nextAfter !== null && (
                <Button priority="secondary" onClick={() => setPages((p) => [...p, data.nextAfter!])}>
                  Événements suivants
                </Button>
              )}
            </div>
          </>
        )}
      </Async>
    </Page>
  );
}
