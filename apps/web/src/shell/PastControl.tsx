import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { useState, type FormEvent } from 'react';
import { date, dateTime } from '../i18n/format';
import { usePast } from './past';

/** Paris wall-clock time of an instant, as a datetime-local input shows it. */
function localInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * The question auditors and directors ask most: how did it look on a date ("au"), and what had
 * been recorded by an instant ("connu le"). Every view of the page follows it.
 */
export function PastControl() {
  const past = usePast();
  const [asOf, setAsOf] = useState(past.asOf ?? '');
  const [knownAt, setKnownAt] = useState(localInput(past.knownAt));
  // The fields follow the address when it changes (a link, the back button): adjusted during
  // render, as React advises, rather than in an effect that would render twice.
  const [shown, setShown] = useState({ asOf: past.asOf, knownAt: past.knownAt });
  if (shown.asOf !== past.asOf || shown.knownAt !== past.knownAt) {
    setShown({ asOf: past.asOf, knownAt: past.knownAt });
    setAsOf(past.asOf ?? '');
    setKnownAt(localInput(past.knownAt));
  }

  const apply = (e: FormEvent) => {
    e.preventDefault();
    past.set({ asOf: asOf || undefined, knownAt: knownAt ? new Date(knownAt).toISOString() : undefined });
  };
  const describe = [past.asOf ? `au ${date(past.asOf)}` : null, past.knownAt ? `telles qu’enregistrées le ${dateTime(past.knownAt)}` : null]
    .filter(Boolean)
    .join(', ');

  return (
    <div className="ancrage-past">
      {past.isPast && (
        <Notice
          title={`Vous consultez les données ${describe}. Rien ne peut être enregistré dans cette vue du passé.`}
          className="ancrage-past-notice"
        />
      )}
      <form className="fr-container ancrage-past-form" onSubmit={apply} aria-label="Date de consultation">
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="past-as-of">
            Données au
            <span className="fr-hint-text">ce qui s’était passé à cette date</span>
          </label>
          <input className="fr-input" id="past-as-of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </div>
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="past-known-at">
            Telles que connues le
            <span className="fr-hint-text">ce qui avait été enregistré à cet instant</span>
          </label>
          <input
            className="fr-input"
            id="past-known-at"
            type="datetime-local"
            step={1}
            value={knownAt}
            onChange={(e) => setKnownAt(e.target.value)}
          />
        </div>
        <div className="ancrage-past-actions">
          <Button type="submit" priority="secondary" size="small">
            Afficher
          </Button>
          {past.isPast && (
            <Button type="button" priority="tertiary" size="small" onClick={() => past.set({})}>
              Revenir à aujourd’hui
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}
