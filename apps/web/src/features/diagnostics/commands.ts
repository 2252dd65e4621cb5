import { defineCommand, newReference, type Option, factDate } from '../../forms/command';
import { FINDING_KIND, INVOLVEMENT, options } from '../../i18n/catalogue';

// The yearly territorial diagnostic: drafted, written section by section, built with partners, published.

export const draftDiagnostic = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/diagnostics/{year}',
  title: 'Ouvrir le diagnostic de l’année',
  description:
    'Le diagnostic territorial se rédige par sections, puis se publie avec ses constats, auxquels répondront les priorités du plan d’action.',
  submit: 'Ouvrir le diagnostic',
  done: 'Le diagnostic est ouvert : rédigez ses sections.',
  fields: [factDate('draftedOn', 'Date d’ouverture')],
});

export const reviseSection = (published: boolean) =>
  defineCommand({
    method: 'put',
    path: '/agencies/{safir}/diagnostics/{year}/sections/{section}',
    title: 'Rédiger la section',
    description: published ? 'Le diagnostic est publié : toute révision garde la trace de la précédente et demande un motif.' : undefined,
    submit: 'Enregistrer la section',
    done: 'La section est enregistrée (une nouvelle révision).',
    fields: [
      { name: 'text', label: 'Texte de la section', widget: 'textarea' },
      {
        name: 'keyFigures',
        label: 'Chiffres clés',
        widget: 'rows',
        addLabel: 'Ajouter un chiffre clé',
        item: [
          { name: 'label', label: 'Libellé', widget: 'text' },
          { name: 'value', label: 'Valeur', widget: 'number' },
          { name: 'unit', label: 'Unité', widget: 'text' },
          { name: 'source', label: 'Source', widget: 'text' },
        ],
      },
      ...(published
        ? [
            {
              name: 'reason' as const,
              label: 'Motif de la révision',
              widget: 'textarea' as const,
              check: (v: unknown) => (v ? null : 'Indiquez pourquoi le diagnostic publié est révisé.'),
            },
          ]
        : []),
      factDate('revisedOn', 'Date de la révision'),
    ],
  });

export const recordParticipation = (partners: Option[]) =>
  defineCommand({
    method: 'put',
    path: '/agencies/{safir}/diagnostics/{year}/participation',
    title: 'Qui a contribué au diagnostic',
    description: 'Les équipes internes, et pour chaque partenaire son niveau d’association : informé, partagé ou co-construit.',
    submit: 'Enregistrer la participation',
    done: 'La participation est enregistrée.',
    fields: [
      { name: 'internalTeams', label: 'Équipes internes associées', hint: 'Une par ligne.', widget: 'lines' },
      {
        name: 'partners',
        label: 'Partenaires associés',
        widget: 'rows',
        addLabel: 'Ajouter un partenaire',
        item: [
          { name: 'partnerId', label: 'Partenaire', widget: 'select', options: partners },
          { name: 'involvement', label: 'Niveau d’association', widget: 'select', options: options(INVOLVEMENT) },
        ],
      },
      factDate('recordedOn', 'Date'),
    ],
  });

export const publishDiagnostic = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/diagnostics/{year}/publish',
  title: 'Publier le diagnostic',
  description: 'Nommez ses constats (besoins, risques, atouts) : les priorités du plan d’action les citeront.',
  submit: 'Publier',
  done: 'Le diagnostic est publié.',
  fields: [
    {
      name: 'findings',
      label: 'Constats',
      widget: 'rows',
      addLabel: 'Ajouter un constat',
      newItem: () => ({ findingId: newReference('f') }),
      item: [
        { name: 'kind', label: 'Nature', widget: 'select', options: options(FINDING_KIND) },
        { name: 'title', label: 'Intitulé', widget: 'text' },
      ],
    },
    factDate('publishedOn', 'Date de publication'),
  ],
});
