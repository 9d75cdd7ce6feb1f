import type { Message } from '../shared/message.js';

/**
 * What each field of a call file expects, in words, for the messages of validateCall. Keys are
 * paths with `[]` for list items. Every key of the schema is listed, so that a misspelt key can be
 * matched with the one that was meant.
 */
export const CALL_FIELDS: Record<string, Message> = {
  version: { fr: 'la version du format, 1', en: 'the format version, 1' },
  id: {
    fr: 'un identifiant en minuscules, chiffres et tirets, par exemple sociographe-81',
    en: 'an identifier in lower case, digits and hyphens, for example sociographe-81',
  },
  journal: {
    fr: 'le nom de la revue, par exemple Sociographe',
    en: 'the journal’s name, for example Sociographe',
  },
  issue: { fr: 'le numéro de la revue, par exemple 81', en: 'the issue number, for example 81' },
  theme: { fr: 'le thème du numéro', en: 'the issue’s theme' },
  summary: {
    fr: 'l’argumentaire résumé avec vos mots',
    en: 'the call’s rationale, summarised in your words',
  },
  axes: {
    fr: 'une liste d’axes, chacun avec id, title et summary',
    en: 'a list of axes, each with id, title and summary',
  },
  'axes[].id': {
    fr: 'un identifiant court, par exemple gouvernance',
    en: 'a short identifier, for example governance',
  },
  'axes[].title': { fr: 'le titre de l’axe', en: 'the axis title' },
  'axes[].summary': { fr: 'le résumé de l’axe', en: 'the axis summary' },
  coordinators: {
    fr: 'une liste d’au moins un coordinateur (name, role, email)',
    en: 'a list of at least one coordinator (name, role, email)',
  },
  'coordinators[].name': { fr: 'le prénom et le nom', en: 'the given name and surname' },
  'coordinators[].role': {
    fr: 'la fonction, par exemple membre du comité de rédaction',
    en: 'the role, for example member of the editorial committee',
  },
  'coordinators[].email': {
    fr: 'une adresse électronique, par exemple prenom.nom@exemple.fr',
    en: 'an e-mail address, for example first.last@example.org',
  },
  publication: { fr: 'la parution : year et month', en: 'the publication: year and month' },
  'publication.year': {
    fr: 'l’année de parution, par exemple 2023',
    en: 'the year of publication, for example 2023',
  },
  'publication.month': { fr: 'le mois de parution, de 1 à 12', en: 'the month of publication, from 1 to 12' },
  deadline: {
    fr: 'la date limite : date, et au besoin timeZone, graceMinutes, extensions',
    en: 'the deadline: date, and if needed timeZone, graceMinutes, extensions',
  },
  'deadline.date': {
    fr: 'le dernier jour de dépôt au format AAAA-MM-JJ, par exemple 2022-09-01',
    en: 'the last day for submissions as YYYY-MM-DD, for example 2022-09-01',
  },
  'deadline.timeZone': {
    fr: 'un fuseau horaire IANA, par exemple Europe/Paris',
    en: 'an IANA time zone, for example Europe/Paris',
  },
  'deadline.graceMinutes': {
    fr: 'un nombre entier de minutes, de 0 à 10080 (une semaine)',
    en: 'a whole number of minutes, from 0 to 10080 (one week)',
  },
  'deadline.extensions': {
    fr: 'une liste de prolongations, chacune avec date et decidedOn',
    en: 'a list of extensions, each with date and decidedOn',
  },
  'deadline.extensions[].date': {
    fr: 'le nouveau dernier jour au format AAAA-MM-JJ',
    en: 'the new last day as YYYY-MM-DD',
  },
  'deadline.extensions[].decidedOn': {
    fr: 'le jour où la prolongation a été décidée, au format AAAA-MM-JJ',
    en: 'the day the extension was decided, as YYYY-MM-DD',
  },
  channels: { fr: 'les moyens de dépôt : email et/ou web', en: 'the ways to submit: email and/or web' },
  'channels.email': {
    fr: 'l’adresse électronique de dépôt, par exemple depot@exemple.fr',
    en: 'the submission e-mail address, for example submit@example.org',
  },
  'channels.web': {
    fr: 'une adresse web complète, par exemple https://www.sociographe.org',
    en: 'a full web address, for example https://www.sociographe.org',
  },
  manuscript: {
    fr: 'les règles du manuscrit : formats, minSignes, maxSignes, edgeMargin',
    en: 'the manuscript rules: formats, minSignes, maxSignes, edgeMargin',
  },
  'manuscript.formats': {
    fr: 'une liste de formats parmi docx, docm, dotx, dotm, odt, doc',
    en: 'a list of formats among docx, docm, dotx, dotm, odt, doc',
  },
  'manuscript.minSignes': {
    fr: 'le nombre minimal de signes (espaces compris), par exemple 5000',
    en: 'the minimum number of characters (spaces included), for example 5000',
  },
  'manuscript.maxSignes': {
    fr: 'le nombre maximal de signes (espaces compris), par exemple 30000',
    en: 'the maximum number of characters (spaces included), for example 30000',
  },
  'manuscript.edgeMargin': {
    fr: 'une marge relative entre 0 et 0.2, par exemple 0.01 (1 %)',
    en: 'a relative margin between 0 and 0.2, for example 0.01 (1%)',
  },
  notesCount: { fr: 'true ou false', en: 'true or false' },
  contactDetails: {
    fr: 'les coordonnées demandées : phone, postalAddress',
    en: 'the details asked for: phone, postalAddress',
  },
  'contactDetails.phone': { fr: 'true ou false', en: 'true or false' },
  'contactDetails.postalAddress': { fr: 'true ou false', en: 'true or false' },
  authors: {
    fr: 'les règles sur les auteurs : naturalPersonsOnly, singleContact, order, authorsMayChooseOrder',
    en: 'the author rules: naturalPersonsOnly, singleContact, order, authorsMayChooseOrder',
  },
  'authors.naturalPersonsOnly': { fr: 'true ou false', en: 'true or false' },
  'authors.singleContact': { fr: 'true ou false', en: 'true or false' },
  'authors.order': { fr: 'alphabetical ou as-given', en: 'alphabetical or as-given' },
  'authors.authorsMayChooseOrder': { fr: 'true ou false', en: 'true or false' },
  consents: {
    fr: 'les autorisations : onlinePublication, freeOfCharge',
    en: 'the consents: onlinePublication, freeOfCharge',
  },
  'consents.onlinePublication': { fr: 'true ou false', en: 'true or false' },
  'consents.freeOfCharge': { fr: 'true ou false', en: 'true or false' },
  contract: {
    fr: 'le contrat : required, et au besoin terms',
    en: 'the contract: required, and if needed terms',
  },
  'contract.required': { fr: 'true ou false', en: 'true or false' },
  'contract.terms': {
    fr: 'les conditions, en français (fr) et en anglais (en)',
    en: 'the terms, in French (fr) and English (en)',
  },
  'contract.terms.fr': { fr: 'le texte en français', en: 'the French text' },
  'contract.terms.en': { fr: 'le texte en anglais', en: 'the English text' },
  languages: {
    fr: 'une liste de codes de langue, par exemple [fr]',
    en: 'a list of language codes, for example [fr]',
  },
  reminders: {
    fr: 'les rappels automatiques : completion',
    en: 'the automatic reminders: completion',
  },
  'reminders.completion': {
    fr: 'true ou false (un rappel aux propositions incomplètes, une semaine avant la date limite)',
    en: 'true or false (one reminder to incomplete submissions, a week before the deadline)',
  },
  houseStyle: {
    fr: 'une liste de vérifications (id, kind, label, pattern, severity)',
    en: 'a list of checks (id, kind, label, pattern, severity)',
  },
  'houseStyle[].id': {
    fr: 'un identifiant court, par exemple guillemets',
    en: 'a short identifier, for example quotes',
  },
  'houseStyle[].kind': { fr: 'reminder ou avoid-text', en: 'reminder or avoid-text' },
  'houseStyle[].label': {
    fr: 'le message, en français (fr) et en anglais (en)',
    en: 'the message, in French (fr) and English (en)',
  },
  'houseStyle[].label.fr': { fr: 'le message en français', en: 'the French message' },
  'houseStyle[].label.en': { fr: 'le message en anglais', en: 'the English message' },
  'houseStyle[].pattern': {
    fr: 'une expression régulière, par exemple " {2,}" pour les doubles espaces',
    en: 'a regular expression, for example " {2,}" for double spaces',
  },
  'houseStyle[].severity': { fr: 'info ou warning', en: 'info or warning' },
};

/** The keys allowed under a path ("" for the top level), for suggesting the one meant. */
export function childKeys(parent: string): string[] {
  const prefix = parent === '' ? '' : `${parent}.`;
  return Object.keys(CALL_FIELDS)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length))
    .filter((k) => k !== '' && !k.includes('.') && !k.includes('['));
}
