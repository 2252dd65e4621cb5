import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useSyncExternalStore } from 'react';

// What a form said on success, when the form itself is gone from the page (an answered request
// leaves the inbox, a signed agreement replaces the signing form): said once more, at the top.
let message: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function announce(text: string): void {
  message = text;
  clearTimeout(timer);
  timer = setTimeout(() => {
    message = null;
    notify();
  }, 10_000);
  notify();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function Announcer() {
  const text = useSyncExternalStore(subscribe, () => message);
  return (
    <div role="status" aria-live="polite" className="fr-container">
      {text && <Alert severity="success" small closable description={text} className="fr-mt-2w" onClose={() => announce('')} />}
    </div>
  );
}
