import { defineCommand } from '../../forms/command';
import { DIGEST_FREQUENCY, options } from '../../i18n/catalogue';
import { REGION_OPTIONS } from '../../shell/scope';

export const registerUser = defineCommand({
  method: 'post',
  path: '/users',
  title: 'Enregistrer un utilisateur',
  description: 'Les droits s’accordent ensuite, rôle par rôle.',
  submit: 'Enregistrer l’utilisateur',
  done: 'L’utilisateur est enregistré.',
  fields: [
    {
      name: 'userId',
      label: 'Identifiant',
      hint: '2 à 63 caractères : minuscules, chiffres, - ou _. Par exemple claire-martin.',
      widget: 'text',
    },
    { name: 'displayName', label: 'Nom affiché', widget: 'text' },
    { name: 'email', label: 'Adresse électronique', widget: 'text' },
  ],
});

export const grantManager = defineCommand({
  method: 'put',
  path: '/users/{userId}/grants/{role}',
  title: 'Responsable d’agence',
  submit: 'Accorder',
  done: 'Le droit est accordé.',
  fields: [{ name: 'agencies', label: 'Agences (codes SAFIR)', hint: 'Un code par ligne.', widget: 'lines' }],
});

export const grantDirector = defineCommand({
  method: 'put',
  path: '/users/{userId}/grants/{role}',
  title: 'Directeur ou directrice',
  submit: 'Accorder',
  done: 'Le droit est accordé.',
  fields: [
    { name: 'regions', label: 'Régions', widget: 'checkboxes', options: REGION_OPTIONS },
    { name: 'national', label: 'Tout le territoire national', widget: 'boolean' },
  ],
});

export const grantPlain = defineCommand({
  method: 'put',
  path: '/users/{userId}/grants/{role}',
  title: 'Accorder le rôle',
  submit: 'Accorder',
  done: 'Le droit est accordé.',
  fields: [],
});

export const revokeRole = defineCommand({
  method: 'delete',
  path: '/users/{userId}/grants/{role}',
  title: 'Retirer le rôle',
  submit: 'Retirer',
  done: 'Le rôle est retiré.',
  fields: [],
});

export const disableUser = defineCommand({
  method: 'post',
  path: '/users/{userId}/disable',
  title: 'Désactiver l’utilisateur',
  description: 'Ses jetons cessent aussitôt de fonctionner.',
  submit: 'Désactiver',
  done: 'L’utilisateur est désactivé.',
  fields: [{ name: 'reason', label: 'Motif', widget: 'textarea' }],
});

export const enableUser = defineCommand({
  method: 'post',
  path: '/users/{userId}/enable',
  title: 'Réactiver l’utilisateur',
  submit: 'Réactiver',
  done: 'L’utilisateur est réactivé.',
  fields: [],
});

export const issueToken = defineCommand({
  method: 'post',
  path: '/users/{userId}/tokens',
  title: 'Émettre un jeton d’accès',
  description: 'Le jeton s’affiche une seule fois : transmettez-le aussitôt à son titulaire.',
  submit: 'Émettre le jeton',
  done: 'Le jeton est émis.',
  fields: [
    { name: 'label', label: 'Libellé', hint: 'Par exemple : poste de travail, tableau de bord.', widget: 'text' },
    { name: 'expiresAt', label: 'Expire le', hint: 'Laissez vide pour un jeton sans expiration.', widget: 'date' },
  ],
});

export const revokeToken = defineCommand({
  method: 'delete',
  path: '/users/{userId}/tokens/{tokenId}',
  title: 'Révoquer le jeton',
  submit: 'Révoquer',
  done: 'Le jeton est révoqué.',
  fields: [],
});

export const setDigest = defineCommand({
  method: 'put',
  path: '/me/digest',
  title: 'Recevoir mes alertes par courriel',
  description: 'Un récapitulatif de ce qui demande votre attention, avec un lien vers chaque page concernée.',
  submit: 'Enregistrer mon choix',
  done: 'Votre choix est enregistré.',
  fields: [
    { name: 'frequency', label: 'Fréquence', widget: 'radio', options: options(DIGEST_FREQUENCY) },
    { name: 'email', label: 'Adresse électronique', hint: 'Par défaut, celle de votre compte.', widget: 'text', optional: true },
  ],
});
