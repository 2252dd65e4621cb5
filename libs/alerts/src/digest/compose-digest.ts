import { EXPECTATION_FR } from '@ancrage/partnerships';
import { frenchDate } from '@ancrage/spreadsheets';
import type { Alert, AlertKind } from '@ancrage/shared-kernel';
import { alertPath } from '../domain/alert-links';
import type { DigestCadence } from '../domain/digest-period';

export interface DigestInput {
  displayName: string;
  cadence: DigestCadence;
  /** The day the digest judges alerts on (Paris). */
  on: string;
  alerts: Alert[];
  /** How the recipient's alerts were new since their last digest (keys, see alertKey). */
  isNew: (a: Alert) => boolean;
  agencyNames: Map<string, string>;
  publicUrl: string;
}

export interface DigestMail {
  subject: string;
  text: string;
  html: string;
}

/** How many alerts of a kind a mail lists; the page lists them all. */
export const LISTED_PER_KIND = 25;

const SECTIONS: { kind: AlertKind; title: string }[] = [
  { kind: 'OVER_COMMITMENT_PENDING', title: 'Demandes de dépassement de l’enveloppe en attente de réponse' },
  { kind: 'AGREEMENT_EXPIRING', title: 'Conventions à renouveler' },
  { kind: 'ENVELOPE_RUNNING_OUT', title: 'Enveloppes du 5 % épuisées avant la fin de l’année au rythme actuel' },
  { kind: 'ACTION_LATE', title: 'Actions du plan en retard' },
  { kind: 'EXPECTATION_OPEN', title: 'Attentes de partenaires restées sans réponse' },
];

const euros = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** One alert in a French sentence (without the agency, which heads the line). */
export function alertSentence(a: Alert): string {
  switch (a.kind) {
    case 'OVER_COMMITMENT_PENDING':
      return `demande de dépassement de ${euros(a.amountCents ?? 0)} sur l’enveloppe ${a.year ?? ''}, déposée le ${frenchDate(a.on)}`;
    case 'AGREEMENT_EXPIRING':
      return `la convention avec ${a.subject ?? a.ref} arrive à échéance le ${frenchDate(a.on)}`;
    case 'ENVELOPE_RUNNING_OUT':
      return `l’enveloppe ${a.year ?? ''} serait épuisée le ${frenchDate(a.on)} (reste ${euros(a.amountCents ?? 0)} à engager)`;
    case 'ACTION_LATE':
      return `l’action « ${a.subject ?? a.ref} » est en retard (échéance le ${frenchDate(a.on)})`;
    case 'EXPECTATION_OPEN':
      return `${a.subject ?? a.ref} attend « ${EXPECTATION_FR[a.code ?? ''] ?? a.code ?? ''} » depuis le ${frenchDate(a.on)}`;
  }
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The digest of a user's alerts, in French, as plain text and HTML with links to the page. */
export function composeDigest(input: DigestInput): DigestMail {
  const { alerts, publicUrl } = input;
  const fresh = alerts.filter(input.isNew).length;
  const every = input.cadence === 'DAILY' ? 'quotidien' : 'hebdomadaire';
  const subject = `Ancrage — ${alerts.length} alerte${alerts.length > 1 ? 's' : ''} à traiter${fresh ? ` (dont ${fresh} nouvelle${fresh > 1 ? 's' : ''})` : ''}`;
  const agency = (a: Alert) => `${input.agencyNames.get(a.safir) ?? 'Agence'} (${a.safir})`;
  const sections = SECTIONS.map((s) => ({ ...s, items: alerts.filter((a) => a.kind === s.kind) })).filter((s) => s.items.length > 0);

  const text = [
    `Bonjour ${input.displayName},`,
    '',
    `Voici votre récapitulatif ${every} des alertes d’Ancrage au ${frenchDate(input.on)}.`,
    ...sections.flatMap((s) => [
      '',
      `${s.title} (${s.items.length})`,
      ...s.items
        .slice(0, LISTED_PER_KIND)
        .map((a) => `- ${input.isNew(a) ? '[nouveau] ' : ''}${agency(a)} : ${alertSentence(a)}. ${publicUrl}${alertPath(a)}`),
      ...(s.items.length > LISTED_PER_KIND ? [`… et ${s.items.length - LISTED_PER_KIND} autres dans Ancrage.`] : []),
    ]),
    '',
    `Vous recevez ce récapitulatif ${every} parce que vous l’avez choisi. Pour le modifier ou ne plus le recevoir : ${publicUrl}/compte`,
  ].join('\n');

  const html = [
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>' + escape(subject) + '</title></head>',
    '<body style="font-family: Marianne, Arial, sans-serif; color: #161616">',
    `<p>Bonjour ${escape(input.displayName)},</p>`,
    `<p>Voici votre récapitulatif ${every} des alertes d’Ancrage au ${frenchDate(input.on)}.</p>`,
    ...sections.flatMap((s) => [
      `<h2 style="font-size: 1.1em">${escape(s.title)} (${s.items.length})</h2>`,
      '<ul>',
      ...s.items.slice(0, LISTED_PER_KIND).map((a) => {
        const mark = input.isNew(a) ? '<strong>Nouveau</strong> — ' : '';
        return `<li>${mark}<a href="${escape(publicUrl + alertPath(a))}">${escape(agency(a))}</a> : ${escape(alertSentence(a))}.</li>`;
      }),
      '</ul>',
      ...(s.items.length > LISTED_PER_KIND ? [`<p>… et ${s.items.length - LISTED_PER_KIND} autres dans Ancrage.</p>`] : []),
    ]),
    `<p style="font-size: 0.9em; color: #666">Vous recevez ce récapitulatif ${every} parce que vous l’avez choisi. ` +
      `<a href="${escape(publicUrl)}/compte">Le modifier ou ne plus le recevoir</a>.</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
