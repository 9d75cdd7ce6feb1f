/**
 * The messages of the demo mailbox: who writes, when, from which kind of mail program, with which
 * file, and what appel should make of it. People, addresses and numbers are fictitious: .example
 * domains, real postcodes with their communes, French numbers from the ranges ARCEP keeps for
 * fiction where one exists (01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49), UK drama numbers.
 */
import { buildDoc } from './doc.js';
import { type BuiltManuscript, buildDocx, buildPdf, type ManuscriptSpec, manuscriptText } from './docx.js';
import * as M from './manuscripts.js';
import { type Attachment, type MailSpec, messageIdFor } from './mbox.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DemoMessage {
  /** Number in the README (the brief's case numbers). */
  n: number;
  covers: string;
  verdict: string;
  mail: MailSpec;
  manuscript?: { spec: ManuscriptSpec; built: BuiltManuscript };
  pdf?: { filename: string; bytes: Buffer };
  doc?: { filename: string; bytes: Buffer; signes: number };
}

const relay = (host: string, ip: string, clientIp: string, zone = '+02:00') => ({ host, ip, clientIp, zone });

const MARCHETTI_SIGNATURE = `-- 
Hélène Marchetti
Assistante de service social
18 rue des Amandiers
34000 Montpellier
Tél. : 04 65 71 38 12`;

const MARCHETTI_TEXT = `Bonjour,

Suite à l'appel à auteurs du Sociographe n° 81, je vous propose un article intitulé « L'écran entre nous ? Ce que l'entretien à distance change à la relation d'aide ».

Il s'appuie sur mon expérience d'assistante de service social pendant et après les confinements, et s'inscrit plutôt dans le premier axe de l'appel (la relation d'accompagnement, du face-à-face à la distance). Le texte fait environ 12 000 signes, notes comprises ; vous le trouverez en pièce jointe au format Word.

Je reste à votre disposition pour toute modification.

Bien cordialement,

Hélène Marchetti

${MARCHETTI_SIGNATURE}
`;

const MARCHETTI = { name: 'Hélène Marchetti', address: 'helene.marchetti@messagerie.example' };
const MARCHETTI_RELAY = relay('smtp.messagerie.example', '198.51.100.23', '203.0.113.57');

const attach = (spec: ManuscriptSpec, built: BuiltManuscript): Attachment => ({
  filename: spec.file,
  content: built.bytes,
  contentType: DOCX,
});

export async function demoMessages(): Promise<DemoMessage[]> {
  const built = async (spec: ManuscriptSpec) => ({ spec, built: await buildDocx(spec) });
  const m1 = await built(M.MARCHETTI);
  const m1v2 = await built(M.MARCHETTI_V2);
  const ferrand = await built(M.FERRAND);
  const belkacem = await built(M.BELKACEM);
  const nguyen = await built(M.NGUYEN);
  const haddad = await built(M.HADDAD);
  const rouxGarnier = await built(M.ROUX_GARNIER);
  const lien = await built(M.LIEN_NUMERIQUE);
  const perrin = await built(M.PERRIN);
  const whitfield = await built(M.WHITFIELD);
  const dubreuil = await built(M.DUBREUIL);
  const pdf = {
    filename: 'Lamarque_Sociographe81.pdf',
    bytes: buildPdf({
      title: "Former à la culture numérique en institut de formation : retour d'expérience",
      author: 'Thierry Lamarque, formateur permanent',
      date: "20220826183000+02'00'",
      lines: [
        "Depuis trois ans, l'institut où j'enseigne propose aux étudiants de première année un module",
        "consacré à la culture numérique. Nous l'avons conçu avec des médiateurs numériques et des",
        'personnes accompagnées, pour que les futurs professionnels comprennent ce que la',
        'dématérialisation des démarches fait aux personnes, et pas seulement comment utiliser les outils.',
        '',
        "Ce retour d'expérience présente le module, ses réussites et ses limites, puis propose",
        'quelques pistes pour que la culture numérique devienne une compétence du travail social',
        "à part entière, au même titre que l'écoute ou l'écrit professionnel.",
      ],
    }),
  };

  const fabreText = manuscriptText(M.FABRE);
  const doc = {
    filename: M.FABRE.file,
    bytes: buildDoc(fabreText.paragraphs, { title: M.FABRE.title, author: M.FABRE.creator }),
    signes: fabreText.paragraphs.reduce((n, p) => n + [...p].length, 0),
  };

  const marchetti1: MailSpec = {
    key: 'demo-81/01-marchetti',
    from: MARCHETTI,
    subject: 'Proposition d’article pour le n° 81 « Impacts du numérique en travail social »',
    sent: '2022-08-24T10:42:17+02:00',
    transit: 4,
    client: 'thunderbird',
    relay: MARCHETTI_RELAY,
    text: MARCHETTI_TEXT,
    attachments: [attach(m1.spec, m1.built)],
  };

  const quoted = MARCHETTI_TEXT.split('\n')
    .slice(0, 6)
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');

  const messages: DemoMessage[] = [
    {
      n: 12,
      covers: 'an out-of-office reply to a reminder the journal sent to its partners (no manuscript)',
      verdict: 'auto-reply: kept, never answered (Auto-Submitted: auto-replied, empty Return-Path)',
      mail: {
        key: 'demo-81/12-auto-reply',
        from: { name: 'Martine Dufresne', address: 'martine.dufresne@solidarites-departement.example' },
        subject: 'Réponse automatique : absent du bureau',
        sent: '2022-08-22T08:01:44+02:00',
        transit: 3,
        client: 'outlook',
        relay: relay('mail.solidarites-departement.example', '192.0.2.80', '10.20.4.17'),
        returnPath: '',
        inReplyTo: '<rappel-appel-81.20220822@sociographe.example>',
        references: ['<rappel-appel-81.20220822@sociographe.example>'],
        extraHeaders: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
        text: `Bonjour,

Je suis absente du bureau jusqu'au lundi 29 août inclus, sans accès à ma messagerie. Votre message ne sera pas transféré.

Pour toute urgence, vous pouvez joindre le secrétariat du service au 01 99 00 27 63.

Cordialement,
Martine Dufresne
`,
      },
    },
    {
      n: 1,
      covers:
        'a clean submission: Word file of about 12,000 signes, phone and postal address in the signature',
      verdict: 'pass',
      mail: marchetti1,
      manuscript: m1,
    },
    {
      n: 2,
      covers: 'too short: a testimony of about 3,000 signes',
      verdict: 'fail: below 5,000 signes',
      manuscript: ferrand,
      mail: {
        key: 'demo-81/02-ferrand',
        from: { name: 'Julien Ferrand', address: 'julien.ferrand@courriel.example' },
        subject: 'Article Sociographe - témoignage',
        sent: '2022-08-25T21:17:05+02:00',
        transit: 6,
        client: 'webmail',
        relay: relay('smtp.courriel.example', '198.51.100.41', '203.0.113.88'),
        text: `Bonsoir,

Je vous envoie un petit texte pour le numéro sur le numérique. C'est un témoignage sur les matinées « point numérique » que nous organisons au foyer. Il est court, je n'ai pas eu le temps de le développer davantage cet été, mais je peux le compléter si le sujet vous intéresse.

Cordialement,
Julien Ferrand
Éducateur spécialisé
5 rue des Tisserands, 69007 Lyon
04 65 71 20 36
`,
        attachments: [attach(ferrand.spec, ferrand.built)],
      },
    },
    {
      n: 3,
      covers: 'too long: a dissertation chapter of about 34,000 signes',
      verdict: 'fail: above 30,000 signes',
      manuscript: belkacem,
      mail: {
        key: 'demo-81/03-belkacem',
        from: { name: 'Amina Belkacem', address: 'amina.belkacem@etu-travail-social.example' },
        subject: 'Proposition d’article - Amina Belkacem',
        sent: '2022-08-26T23:48:09+02:00',
        transit: 5,
        client: 'webmail',
        relay: relay('smtp.etu-travail-social.example', '198.51.100.67', '203.0.113.140'),
        text: `Bonjour Madame, Monsieur,

Je suis étudiante en 3e année d'assistante de service social et j'ai vu passer votre appel à auteurs sur le numérique en travail social. Je me permets de vous proposer un article tiré de mon mémoire de fin d'études, que j'ai soutenu en juin.

Mon directeur de mémoire m'a conseillé de le raccourcir, j'ai essayé mais il reste un peu long (autour de 34 000 signes). Si c'est trop, pourriez-vous me dire quelles parties vous sembleraient à couper en priorité ?

Merci d'avance pour votre lecture.

Amina Belkacem
16 traverse des Oliviers
13001 Marseille
06 72 48 15 39
`,
        attachments: [attach(belkacem.spec, belkacem.built)],
      },
    },
    {
      n: 4,
      covers: 'a PDF instead of a Word file (one page, written by hand)',
      verdict: 'fail (unreadable as a manuscript): not a Word file, a .docx is asked for',
      pdf,
      mail: {
        key: 'demo-81/04-lamarque',
        from: { name: 'Thierry Lamarque', address: 't.lamarque@ifts-garonne.example' },
        subject: 'Sociographe 81 - proposition de contribution',
        sent: '2022-08-27T09:05:33+02:00',
        transit: 3,
        client: 'outlook',
        html: true,
        relay: relay('mail.ifts-garonne.example', '192.0.2.45', '10.1.2.33'),
        text: `Bonjour,

Veuillez trouver ci-joint ma proposition d'article pour le numéro 81 du Sociographe, « Former à la culture numérique en institut de formation : retour d'expérience ». Je l'ai enregistrée en PDF pour que la mise en page soit conservée.

Je vous souhaite une bonne fin d'été.

Thierry Lamarque
Formateur permanent
Institut de formation en travail social
3 allée des Platanes – 31000 Toulouse
Tél. 05 36 49 77 02
`,
        attachments: [{ filename: pdf.filename, content: pdf.bytes, contentType: 'application/pdf' }],
      },
    },
    {
      n: 5,
      covers: 'a Word 97-2003 .doc (about 9,000 signes), sent from an older Outlook',
      verdict: 'pass, with an approximate count (.doc is read on a best-effort basis)',
      doc,
      mail: {
        key: 'demo-81/05-fabre',
        from: { name: 'Gilles Fabre', address: 'gilles.fabre@internat-drome.example' },
        subject: 'Article pour Sociographe',
        sent: '2022-08-27T15:31:09+02:00',
        transit: 5,
        client: 'outlook',
        html: true,
        relay: relay('mail.internat-drome.example', '192.0.2.61', '10.3.1.44'),
        extraHeaders: { 'X-Mailer': 'Microsoft Outlook 14.0' },
        text: `Bonjour,

Je vous transmets ci-joint mon article pour le numéro 81 de votre revue, sur le lien avec les familles dans un internat éducatif à l'heure du téléphone et de la visio.

Restant à votre disposition,

Gilles Fabre
Moniteur-éducateur
6 rue des Vanniers
26000 Valence
Tél : 04 65 71 52 90
`,
        attachments: [{ filename: doc.filename, content: doc.bytes, contentType: 'application/msword' }],
      },
    },
    {
      n: 6,
      covers: 'no phone number anywhere (postal address only)',
      verdict: 'pass on the manuscript; finding: phone number missing, asked for in the receipt',
      manuscript: nguyen,
      mail: {
        key: 'demo-81/06-nguyen',
        from: { name: 'Sophie Nguyen', address: 'sophie.nguyen@centre-social-faubourg.example' },
        subject: 'Article pour le dossier « Impacts du numérique en travail social »',
        sent: '2022-08-29T14:26:41+02:00',
        transit: 4,
        client: 'thunderbird',
        relay: relay('smtp.centre-social-faubourg.example', '192.0.2.101', '203.0.113.9'),
        text: `Bonjour,

Je vous adresse ci-joint un article pour le dossier « Impacts du numérique en travail social ». Il porte sur les ateliers numériques que nous animons au centre social et sur ce qu'ils changent pour l'accès aux droits des habitants (deuxième axe de l'appel). Le texte fait un peu plus de 8 000 signes.

J'accepte bien sûr la mise en ligne éventuelle de l'article.

Bien à vous,

-- 
Sophie Nguyen
Conseillère en économie sociale familiale
Centre social du Faubourg
12 rue des Brasseurs
59000 Lille
`,
        attachments: [attach(nguyen.spec, nguyen.built)],
      },
    },
    {
      n: 7,
      covers: 'no postal address (a mobile number only, sent from a phone)',
      verdict: 'pass on the manuscript; finding: postal address missing, asked for in the receipt',
      manuscript: haddad,
      mail: {
        key: 'demo-81/07-haddad',
        from: { name: 'Karim Haddad', address: 'karim.haddad@courriel.example' },
        subject: 'Proposition article numéro 81',
        sent: '2022-08-29T18:03:12+02:00',
        transit: 7,
        client: 'iphone',
        relay: relay('smtp.courriel.example', '198.51.100.41', '203.0.113.201'),
        text: `Bonjour,

Voici ma proposition d'article pour le Sociographe n° 81. Je suis conseiller numérique depuis 2021 et j'essaie de réfléchir à la place de ce nouveau métier dans le travail social.

N'hésitez pas à m'appeler si besoin au 07 68 23 91 54.

Karim Haddad

Envoyé de mon iPhone
`,
        attachments: [attach(haddad.spec, haddad.built)],
      },
    },
    {
      n: 8,
      covers: 'two co-authors, both with contact details, and no word on which of them is the contact',
      verdict: 'pass on the manuscript; finding: co-authors must name a single contact',
      manuscript: rouxGarnier,
      mail: {
        key: 'demo-81/08-roux-garnier',
        from: { name: 'Isabelle Roux', address: 'isabelle.roux@irts-armorique.example' },
        cc: [{ name: 'Paul Garnier', address: 'paul.garnier@ccas-brest-rive.example' }],
        subject: 'Article co-écrit pour le n° 81 du Sociographe',
        sent: '2022-08-30T11:12:27+02:00',
        transit: 5,
        client: 'thunderbird',
        relay: relay('mail.irts-armorique.example', '192.0.2.150', '10.8.0.21'),
        text: `Bonjour,

Paul Garnier et moi-même vous proposons un article écrit à deux voix pour le numéro 81, « Plaider devant un algorithme ? Le travail social face aux décisions automatisées ». Il s'inscrit dans le troisième axe de l'appel, sur la gouvernance du travail social. Le fichier Word est joint (environ 15 000 signes).

Vous trouverez nos coordonnées à tous les deux ci-dessous.

Cordialement,

Isabelle Roux
Formatrice en travail social
24 rue des Glycines
35000 Rennes
02 61 91 45 12

Paul Garnier
Assistant de service social
3 quai des Goélands
29200 Brest
02 61 91 78 30
`,
        attachments: [attach(rouxGarnier.spec, rouxGarnier.built)],
      },
    },
    {
      n: 11,
      covers:
        'a new version in the same thread as message 1 (In-Reply-To and References), same sender, revised file',
      verdict: 'new version of submission 1 (pass, about 11,000 signes)',
      manuscript: m1v2,
      mail: {
        key: 'demo-81/11-marchetti-v2',
        from: MARCHETTI,
        subject: 'Re: Proposition d’article pour le n° 81 « Impacts du numérique en travail social »',
        sent: '2022-08-30T16:20:04+02:00',
        transit: 4,
        client: 'thunderbird',
        relay: MARCHETTI_RELAY,
        inReplyTo: messageIdFor(marchetti1),
        references: [messageIdFor(marchetti1)],
        text: `Bonjour,

Après relecture par une collègue, je vous envoie une version revue de mon article, un peu resserrée (environ 11 000 signes). Elle remplace celle que je vous ai adressée le 24 août : merci de ne pas tenir compte du premier fichier.

Bien cordialement,

Hélène Marchetti

${MARCHETTI_SIGNATURE}

Le 24/08/2022 à 10:42, Hélène Marchetti a écrit :
${quoted}
> [...]
`,
        attachments: [attach(m1v2.spec, m1v2.built)],
      },
    },
    {
      n: 9,
      covers: 'an association as the author (« Association Le Lien numérique »), from La Réunion',
      verdict: 'fail: authors must be natural persons, not a legal entity',
      manuscript: lien,
      mail: {
        key: 'demo-81/09-lien-numerique',
        from: { name: 'Association Le Lien numérique', address: 'contact@lien-numerique.example' },
        subject: 'Proposition d’article - Association Le Lien numérique',
        sent: '2022-08-31T07:55:18+04:00',
        transit: 9,
        client: 'outlook',
        html: true,
        relay: relay('smtp.lien-numerique.example', '192.0.2.210', '10.0.0.12', '+04:00'),
        text: `Bonjour,

L'association Le Lien numérique, qui mène depuis 2019 des actions de médiation numérique itinérante dans les hauts de La Réunion, souhaite proposer un article pour votre numéro consacré aux impacts du numérique en travail social.

L'article a été rédigé collectivement par l'équipe salariée et bénévole ; il est signé au nom de l'association. Vous le trouverez en pièce jointe.

Nous restons à votre disposition.

Pour le bureau,
La présidente

Association Le Lien numérique
Maison des associations
21 rue des Flamboyants
97400 Saint-Denis
Tél. : 0262 39 98 41 / 0692 39 98 17
`,
        attachments: [attach(lien.spec, lien.built)],
      },
    },
    {
      n: 14,
      covers:
        'in English, from a researcher abroad (+44 number, UK address), French manuscript; a body line starts with "From " (mboxrd escaping)',
      verdict: 'pass (receipt in English)',
      manuscript: whitfield,
      mail: {
        key: 'demo-81/14-whitfield',
        from: { name: 'Eleanor Whitfield', address: 'e.whitfield@northfield-university.example' },
        subject: 'Submission for Sociographe no. 81 – digital technology and social work',
        sent: '2022-08-31T19:02:38+01:00',
        transit: 6,
        client: 'outlook',
        relay: relay('smtp.northfield-university.example', '198.51.100.199', '10.44.3.8', '+01:00'),
        extraHeaders: { 'Content-Language': 'en-GB' },
        text: `Dear editors,

Please find attached my proposal for issue no. 81 of Sociographe, "Impacts du numérique en travail social". The article is written in French and compares the digital transformation of social services in France and in England; it is about 13,500 characters including spaces.

From what I read on your website, manuscripts should be sent as Word files, so I have attached a .docx. I am happy for the article to be published online and I understand that contributions are unpaid.

With best wishes,

Dr Eleanor Whitfield
Senior Lecturer in Social Work
School of Social Sciences, University of Northfield
14 Alder Grove, Northfield NF2 4QZ, United Kingdom
Tel. +44 20 7946 0321
`,
        attachments: [attach(whitfield.spec, whitfield.built)],
      },
    },
    {
      n: 15,
      covers: 'the last minute: sent and received on 1 September 2022 at 23:52, Paris time',
      verdict: 'pass (on time: the deadline day is inclusive)',
      manuscript: dubreuil,
      mail: {
        key: 'demo-81/15-dubreuil',
        from: { name: 'Camille Dubreuil', address: 'camille.dubreuil@etu-travail-social.example' },
        subject: 'proposition d’article - numéro 81',
        sent: '2022-09-01T23:52:40+02:00',
        transit: 7,
        client: 'webmail',
        relay: relay('smtp.etu-travail-social.example', '198.51.100.67', '203.0.113.77'),
        text: `Bonsoir,

J'espère ne pas arriver trop tard ! Je vous envoie ma proposition d'article pour le numéro 81, sur ma première année de formation d'éducatrice spécialisée pendant la crise sanitaire. Le fichier fait environ 7 000 signes.

Merci beaucoup et bonne soirée,

Camille Dubreuil
Étudiante éducatrice spécialisée (2e année)
8 allée des Peupliers
67000 Strasbourg
06 84 17 63 20
`,
        attachments: [attach(dubreuil.spec, dubreuil.built)],
      },
    },
    {
      n: 10,
      covers: 'late: reached the journal’s server on 2 September 2022 at 09:14, Paris time',
      verdict: 'late (deadline was 1 September 2022 inclusive); the file itself would pass',
      manuscript: perrin,
      mail: {
        key: 'demo-81/10-perrin',
        from: { name: 'Nathalie Perrin', address: 'nathalie.perrin@messagerie.example' },
        subject: 'Article pour le Sociographe n° 81 (avec un peu de retard)',
        sent: '2022-09-02T09:13:52+02:00',
        transit: 13,
        client: 'thunderbird',
        relay: relay('smtp.messagerie.example', '198.51.100.23', '203.0.113.122'),
        text: `Bonjour,

Je me permets de vous envoyer, avec un jour de retard, je le sais, ma proposition d'article sur le coffre-fort numérique dans un service d'hébergement. Une fin d'été très chargée au service ne m'a pas permis de finir plus tôt. Si le délai est définitivement passé, je comprendrai tout à fait.

Avec mes excuses et mes remerciements,

-- 
Nathalie Perrin
Éducatrice spécialisée
11 rue des Vignerons
33000 Bordeaux
05 36 49 21 64
`,
        attachments: [attach(perrin.spec, perrin.built)],
      },
    },
  ];
  return messages;
}
