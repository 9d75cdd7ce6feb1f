import type { Message } from '../shared/message.js';
import { ROLES, type Role } from './roles.js';

/**
 * THE authorisation matrix, as data: every route of the web desk × every kind of visitor.
 * The HTTP edge enforces it on every request before anything else is read (a route missing from
 * this list is refused), and a test walks every registered route × every actor against it.
 *
 * Actors: an anonymous visitor; an author holding a private link (authors never sign in: the link
 * in the address IS the proof, checked by the route itself); and the three signed-in roles.
 */
export const ACCESS_ACTORS = ['anonymous', 'author', ...ROLES] as const;
export type AccessActor = (typeof ACCESS_ACTORS)[number];

/**
 * How a route proves who is asking:
 * - none: nothing to prove (public pages);
 * - session: a signed-in account whose role is in `allow`;
 * - link: the author's private link in the path, checked by the route (an unknown link is a 404);
 * - token: a one-time link (invitation, first sign-in), checked by the route the same way.
 */
export type Proof = 'none' | 'session' | 'link' | 'token';

export interface RouteRule {
  /** GET also covers HEAD. */
  method: 'GET' | 'POST';
  /** A route pattern exactly as registered (`/bureau/propositions/:id`). */
  path: string;
  proof: Proof;
  /** For `session` routes: the roles that may use it. */
  roles?: readonly Role[];
  purpose: Message;
}

const STAFF: readonly Role[] = ['committee', 'coordinator', 'administrator'];
const COORDINATION: readonly Role[] = ['coordinator', 'administrator'];
const ADMINISTRATION: readonly Role[] = ['administrator'];

export const ROUTE_RULES: readonly RouteRule[] = [
  // The call's public side.
  { method: 'GET', path: '/', proof: 'none', purpose: { fr: 'page de l’appel', en: 'the call’s page' } },
  {
    method: 'GET',
    path: '/assets/appel.css',
    proof: 'none',
    purpose: { fr: 'feuille de style', en: 'style sheet' },
  },
  {
    method: 'GET',
    path: '/assets/author-form.js',
    proof: 'none',
    purpose: { fr: 'script du formulaire (facultatif)', en: 'the form’s script (optional)' },
  },
  {
    method: 'GET',
    path: '/assets/desk-bureau.css',
    proof: 'none',
    purpose: { fr: 'feuille de style du bureau', en: 'the desk’s style sheet' },
  },
  // The authors' side: the submission form (public) and the private link (the link is the proof).
  {
    method: 'GET',
    path: '/deposer',
    proof: 'none',
    purpose: { fr: 'formulaire de dépôt', en: 'submission form' },
  },
  {
    method: 'POST',
    path: '/deposer',
    proof: 'none',
    purpose: { fr: 'vérifier puis envoyer une proposition', en: 'check, then send a submission' },
  },
  {
    method: 'POST',
    path: '/deposer/coordonnees',
    proof: 'none',
    purpose: {
      fr: 'ajouter ou retirer un auteur (sans JavaScript)',
      en: 'add or remove an author (without JavaScript)',
    },
  },
  {
    method: 'GET',
    path: '/suivi',
    proof: 'none',
    purpose: { fr: 'retrouver son lien de suivi', en: 'get one’s follow-up link again' },
  },
  {
    method: 'POST',
    path: '/suivi',
    proof: 'none',
    purpose: {
      fr: 'recevoir un nouveau lien de suivi (à l’adresse de la personne à contacter)',
      en: 'receive a new follow-up link (at the contact person’s address)',
    },
  },
  {
    method: 'GET',
    path: '/suivi/:token',
    proof: 'link',
    purpose: { fr: 'suivre sa proposition', en: 'follow one’s submission' },
  },
  {
    method: 'POST',
    path: '/suivi/:token/coordonnees',
    proof: 'link',
    purpose: { fr: 'compléter ses coordonnées', en: 'complete one’s contact details' },
  },
  {
    method: 'POST',
    path: '/suivi/:token/version',
    proof: 'link',
    purpose: { fr: 'envoyer une nouvelle version', en: 'send a new version' },
  },
  {
    method: 'GET',
    path: '/suivi/:token/retirer',
    proof: 'link',
    purpose: { fr: 'retirer sa proposition (confirmation)', en: 'withdraw one’s submission (confirmation)' },
  },
  {
    method: 'POST',
    path: '/suivi/:token/retirer',
    proof: 'link',
    purpose: { fr: 'retirer sa proposition', en: 'withdraw one’s submission' },
  },
  {
    method: 'GET',
    path: '/suivi/:token/contrat/:document',
    proof: 'link',
    purpose: { fr: 'télécharger son contrat d’édition', en: 'download one’s publishing contract' },
  },
  {
    method: 'POST',
    path: '/suivi/:token/contrat',
    proof: 'link',
    purpose: { fr: 'renvoyer son contrat signé', en: 'send one’s signed contract back' },
  },
  {
    method: 'GET',
    path: '/suivi/:token/relectures/:file',
    proof: 'link',
    purpose: {
      fr: 'télécharger un texte annoté par un relecteur, sans son nom',
      en: 'download a text a reviewer annotated, without their name',
    },
  },
  // A reader's private link (blind review): the link is the proof, as for the authors.
  {
    method: 'GET',
    path: '/relecture/:token',
    proof: 'link',
    purpose: { fr: 'lire une demande de relecture', en: 'read a review request' },
  },
  {
    method: 'GET',
    path: '/relecture/:token/copie',
    proof: 'link',
    purpose: { fr: 'télécharger la copie anonyme à relire', en: 'download the anonymised copy to review' },
  },
  {
    method: 'POST',
    path: '/relecture/:token',
    proof: 'link',
    purpose: { fr: 'donner ou corriger son avis', en: 'give or correct one’s opinion' },
  },
  {
    method: 'POST',
    path: '/relecture/:token/fichier',
    proof: 'link',
    purpose: { fr: 'envoyer son texte annoté', en: 'send one’s annotated text' },
  },
  {
    method: 'POST',
    path: '/relecture/:token/decliner',
    proof: 'link',
    purpose: { fr: 'décliner une relecture', en: 'decline a review' },
  },
  // Signing in.
  {
    method: 'GET',
    path: '/connexion',
    proof: 'none',
    purpose: { fr: 'formulaire de connexion', en: 'sign-in form' },
  },
  { method: 'POST', path: '/connexion', proof: 'none', purpose: { fr: 'connexion', en: 'sign in' } },
  {
    method: 'POST',
    path: '/deconnexion',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'déconnexion', en: 'sign out' },
  },
  {
    method: 'GET',
    path: '/compte/activation/:token',
    proof: 'token',
    purpose: {
      fr: 'choisir son mot de passe (lien à usage unique)',
      en: 'choose a password (one-time link)',
    },
  },
  {
    method: 'POST',
    path: '/compte/activation/:token',
    proof: 'token',
    purpose: { fr: 'activer son compte', en: 'activate one’s account' },
  },
  // The desk.
  {
    method: 'GET',
    path: '/bureau',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'tableau des propositions', en: 'dashboard' },
  },
  {
    method: 'GET',
    path: '/bureau/export.csv',
    proof: 'session',
    roles: COORDINATION,
    purpose: { fr: 'export CSV', en: 'CSV export' },
  },
  {
    method: 'GET',
    path: '/bureau/export.xlsx',
    proof: 'session',
    roles: COORDINATION,
    purpose: { fr: 'export XLSX', en: 'XLSX export' },
  },
  {
    method: 'POST',
    path: '/bureau/actions',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'action groupée', en: 'bulk action' },
  },
  {
    method: 'GET',
    path: '/bureau/propositions/:id',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'fiche d’une proposition', en: 'a submission’s page' },
  },
  {
    method: 'POST',
    path: '/bureau/propositions/:id/transition',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'changer le statut', en: 'change the status' },
  },
  {
    method: 'POST',
    path: '/bureau/propositions/:id/relectures',
    proof: 'session',
    roles: COORDINATION,
    purpose: { fr: 'demander une relecture', en: 'ask for a review' },
  },
  {
    method: 'POST',
    path: '/bureau/propositions/:id/relectures/:review/annuler',
    proof: 'session',
    roles: COORDINATION,
    purpose: { fr: 'annuler une demande de relecture', en: 'cancel a review request' },
  },
  {
    method: 'POST',
    path: '/bureau/propositions/:id/relectures/:review/rappel',
    proof: 'session',
    roles: COORDINATION,
    purpose: { fr: 'relancer une personne qui relit', en: 'remind a reader' },
  },
  {
    method: 'GET',
    path: '/bureau/propositions/:id/relectures/fichiers/:file',
    proof: 'session',
    roles: STAFF,
    purpose: {
      fr: 'télécharger un texte annoté par un relecteur',
      en: 'download a text a reviewer annotated',
    },
  },
  {
    method: 'POST',
    path: '/bureau/propositions/:id/notes',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'écrire une note de la rédaction', en: 'write an editorial note' },
  },
  {
    method: 'POST',
    path: '/bureau/propositions/:id/notes/:note/retirer',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'retirer sa note de la rédaction', en: 'take back one’s editorial note' },
  },
  {
    method: 'POST',
    path: '/bureau/propositions/:id/contrat',
    proof: 'session',
    roles: COORDINATION,
    purpose: { fr: 'joindre le contrat d’édition', en: 'attach the publishing contract' },
  },
  {
    method: 'GET',
    path: '/bureau/propositions/:id/contrat/:document',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'télécharger un fichier du contrat', en: 'download a contract file' },
  },
  {
    method: 'POST',
    path: '/bureau/propositions/:id/lien',
    proof: 'session',
    roles: COORDINATION,
    purpose: {
      fr: 'envoyer un nouveau lien de suivi à la personne à contacter',
      en: 'send a new follow-up link to the contact person',
    },
  },
  {
    method: 'GET',
    path: '/bureau/propositions/:id/versions/:number/original',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'télécharger le fichier reçu', en: 'download the file received' },
  },
  {
    method: 'GET',
    path: '/bureau/propositions/:id/versions/:number/anonyme',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'copie anonyme pour l’évaluation', en: 'anonymised copy for review' },
  },
  {
    method: 'GET',
    path: '/bureau/propositions/:id/versions/:number/apercu',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'aperçu du manuscrit', en: 'manuscript preview' },
  },
  {
    method: 'GET',
    path: '/bureau/sommaire',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'le sommaire du numéro', en: 'the issue’s table of contents' },
  },
  {
    method: 'GET',
    path: '/bureau/sommaire.txt',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'le sommaire, en texte', en: 'the table of contents, as text' },
  },
  {
    method: 'GET',
    path: '/bureau/sommaire.zip',
    proof: 'session',
    roles: COORDINATION,
    purpose: {
      fr: 'le dossier du numéro (textes et contrats signés)',
      en: 'the issue’s folder (texts and signed contracts)',
    },
  },
  {
    method: 'POST',
    path: '/bureau/sommaire/ordre',
    proof: 'session',
    roles: COORDINATION,
    purpose: { fr: 'changer l’ordre du sommaire', en: 'change the order of the contents' },
  },
  {
    method: 'GET',
    path: '/bureau/appel',
    proof: 'session',
    roles: STAFF,
    purpose: { fr: 'l’appel et sa date limite', en: 'the call and its deadline' },
  },
  {
    method: 'POST',
    path: '/bureau/appel/prolongation',
    proof: 'session',
    roles: COORDINATION,
    purpose: { fr: 'prolonger l’appel', en: 'extend the deadline' },
  },
  {
    method: 'GET',
    path: '/bureau/comptes',
    proof: 'session',
    roles: ADMINISTRATION,
    purpose: { fr: 'comptes et droits', en: 'accounts and rights' },
  },
  {
    method: 'POST',
    path: '/bureau/comptes/invitation',
    proof: 'session',
    roles: ADMINISTRATION,
    purpose: { fr: 'inviter une personne', en: 'invite someone' },
  },
  {
    method: 'POST',
    path: '/bureau/comptes/:id/desactivation',
    proof: 'session',
    roles: ADMINISTRATION,
    purpose: { fr: 'désactiver un compte', en: 'disable an account' },
  },
  {
    method: 'POST',
    path: '/bureau/comptes/:id/reinitialisation',
    proof: 'session',
    roles: ADMINISTRATION,
    purpose: {
      fr: 'réinitialiser un accès (mot de passe oublié, téléphone perdu)',
      en: 'reset someone’s access (forgotten password, lost phone)',
    },
  },
];

/** What the matrix says of one actor on one route. */
export type Access =
  /** The route answers. */
  | 'allowed'
  /** Only with the private or one-time link in the address (the route checks it: 404 otherwise). */
  | 'with-link'
  /** Refused: sign in first (anonymous, authors). */
  | 'sign-in'
  /** Refused: signed in, but the role may not. */
  | 'forbidden';

export function accessOf(rule: RouteRule, actor: AccessActor): Access {
  switch (rule.proof) {
    case 'none':
      return 'allowed';
    case 'link':
    case 'token':
      return 'with-link';
    case 'session':
      if (actor === 'anonymous' || actor === 'author') return 'sign-in';
      return rule.roles?.includes(actor) ? 'allowed' : 'forbidden';
  }
}

function methodMatches(rule: RouteRule, method: string): boolean {
  return rule.method === method || (rule.method === 'GET' && method === 'HEAD');
}

/**
 * The rule for a registered route (its pattern, not the visited address), or null: a route the
 * matrix does not name is refused.
 */
export function ruleFor(method: string, routePath: string): RouteRule | null {
  const upper = method.toUpperCase();
  return ROUTE_RULES.find((r) => r.path === routePath && methodMatches(r, upper)) ?? null;
}

/** The whole matrix, a row per rule and a column per actor (for the accounts page and the docs). */
export function accessMatrix(): Array<{ rule: RouteRule; access: Record<AccessActor, Access> }> {
  return ROUTE_RULES.map((rule) => ({
    rule,
    access: Object.fromEntries(ACCESS_ACTORS.map((a) => [a, accessOf(rule, a)])) as Record<
      AccessActor,
      Access
    >,
  }));
}
