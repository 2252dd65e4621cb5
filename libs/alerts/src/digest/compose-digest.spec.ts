import type { Alert } from '@ancrage/shared-kernel';
import { composeDigest, LISTED_PER_KIND } from './compose-digest';

const late = (i: number): Alert => ({
  kind: 'ACTION_LATE',
  safir: '62001',
  region: '32',
  on: '2018-05-31',
  subject: `Action <${i}> & co`,
  ref: `a-${i}`,
  year: 2018,
  amountCents: null,
  code: null,
});

describe('the e-mail digest', () => {
  const input = {
    displayName: 'Claire <Martin>',
    cadence: 'WEEKLY' as const,
    on: '2018-06-18',
    agencyNames: new Map([['62001', 'Berck-sur-Mer']]),
    publicUrl: 'https://ancrage.example.fr',
  };

  it('marks what is new since the last digest, and lists at most a page of each kind', () => {
    const alerts = Array.from({ length: LISTED_PER_KIND + 3 }, (_, i) => late(i));
    const mail = composeDigest({ ...input, alerts, isNew: (a) => a.ref === 'a-0' });
    expect(mail.subject).toBe(`Ancrage — ${LISTED_PER_KIND + 3} alertes à traiter (dont 1 nouvelle)`);
    expect(mail.text).toContain('Voici votre récapitulatif hebdomadaire des alertes d’Ancrage au 18/06/2018.');
    expect(mail.text).toContain(`Actions du plan en retard (${LISTED_PER_KIND + 3})`);
    expect(mail.text).toContain('- [nouveau] Berck-sur-Mer (62001) : l’action « Action <0> & co » est en retard');
    expect(mail.text).toContain('… et 3 autres dans Ancrage.');
    expect(mail.text.match(/^- /gm)).toHaveLength(LISTED_PER_KIND);
  });

  it('escapes what users wrote in the HTML part', () => {
    const mail = composeDigest({ ...input, alerts: [late(1)], isNew: () => false });
    expect(mail.subject).toBe('Ancrage — 1 alerte à traiter');
    expect(mail.html).toContain('Bonjour Claire &lt;Martin&gt;,');
    expect(mail.html).toContain('l’action « Action &lt;1&gt; &amp; co » est en retard');
    expect(mail.html).not.toContain('<1>');
  });
});
