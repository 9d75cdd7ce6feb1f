/**
 * The demo manuscripts: our own texts on the themes of Sociographe no. 81, by fictitious authors.
 * Intros, conclusions and notes are written for each; the sections are assembled from text-pool.ts.
 */
import type { ManuscriptSpec } from './docx.js';

const CALL_BIBLIOGRAPHY = [
  'Meyer Vincent, « Introduction. Technologies numériques et travail social : oui, mais seulement si... », in Transition digitale, handicaps et travail social, LEH Édition, 2017, pp. 15-30.',
  "Meyer Vincent, Bouquet Brigitte, Gelot Didier, « Introduction », in L'avenir du numérique dans le champ social et médico-social, Vie sociale, n° 28, 2019/4, pp. 7-19.",
];

/** 1. The clean submission (~12,000 signes), and 11. its revised version (~11,000). */
export const MARCHETTI: ManuscriptSpec = {
  file: 'Marchetti - Sociographe 81 - article.docx',
  title: "L'écran entre nous ? Ce que l'entretien à distance change à la relation d'aide",
  byline: ['Hélène Marchetti', 'Assistante de service social, service social départemental'],
  creator: 'Hélène Marchetti',
  created: '2022-06-12T08:31:00Z',
  modified: '2022-08-23T19:05:00Z',
  application: 'word',
  seed: 8101,
  target: 12_000,
  intro:
    "Au printemps 2020, le service social où je travaille a fermé son accueil du public pendant huit semaines. Du jour au lendemain, les entretiens se sont faits au téléphone, puis en visioconférence pour quelques-uns. Deux ans plus tard, une partie de ces pratiques est restée. Je voudrais revenir ici, à partir de mon expérience et de celle de mes collègues, sur ce que ce passage à distance a changé dans la relation d'aide, et sur ce qu'il nous apprend de notre métier.",
  introNote:
    'Les situations évoquées ont été rendues méconnaissables ; les prénoms et les lieux ont été modifiés.',
  sections: [
    { heading: 'Un cadre bousculé par la crise sanitaire', themes: ['A'] },
    {
      heading: "Ce que la distance fait perdre, ce qu'elle permet",
      themes: ['A', 'A', 'B'],
      note: "Sur ces questions, voir l'introduction de Vincent Meyer à Transition digitale, handicaps et travail social (LEH Édition, 2017).",
    },
    { heading: 'Des personnes inégalement équipées', themes: ['B'] },
    { heading: "Garder la main sur l'outil", themes: ['C', 'A'] },
  ],
  conclusionHeading: 'Pour ne pas conclure',
  conclusion:
    "Rien ne serait plus trompeur que d'opposer un âge d'or du face-à-face à un présent numérique appauvri. Les entretiens à distance ont permis de garder le lien avec des personnes que nous aurions perdues de vue ; ils ont aussi fait disparaître des moments que nous ne savions pas si précieux. L'enjeu, pour les équipes, est désormais de choisir les formes de contact avec les personnes, et non de les subir.",
};

export const MARCHETTI_V2: ManuscriptSpec = {
  ...MARCHETTI,
  file: 'Marchetti - Sociographe 81 - article v2.docx',
  modified: '2022-08-30T13:48:00Z',
  lastModifiedBy: 'Hélène Marchetti',
  target: 11_000,
  conclusion:
    "Rien ne serait plus trompeur que d'opposer un âge d'or du face-à-face à un présent numérique appauvri. La distance a permis de garder le lien avec des personnes que nous aurions perdues de vue ; elle a aussi effacé des moments dont nous mesurions mal la valeur. Il revient aux équipes de choisir, avec chaque personne, la forme de contact qui lui convient.",
};

/** 2. Too short (~3,000 signes): a field worker's testimony. */
export const FERRAND: ManuscriptSpec = {
  file: 'Un mardi matin au point numérique.docx',
  title: 'Un mardi matin au point numérique',
  byline: ['Julien Ferrand, éducateur spécialisé'],
  creator: 'Julien Ferrand',
  created: '2022-08-20T14:02:00Z',
  modified: '2022-08-25T18:40:00Z',
  application: 'word',
  seed: 8102,
  target: 3_000,
  intro:
    'Chaque mardi matin, le foyer où je travaille ouvre sa salle informatique aux habitants du quartier. Je raconte ici une de ces matinées, sans prétention théorique.',
  introNote: 'Le foyer accueille une trentaine de jeunes de 16 à 21 ans ; la salle compte quatre postes.',
  sections: [{ heading: 'Ce qui se passe devant les écrans', themes: ['B'] }],
  conclusionHeading: "Ce que j'en retiens",
  conclusion:
    "Je ne sais pas si nous faisons de l'inclusion numérique. Nous faisons sans doute ce que le travail social a toujours fait : être là, et aider les gens à trouver leur chemin.",
};

/** 3. Too long (~34,000 signes): a student's dissertation chapter. */
export const BELKACEM: ManuscriptSpec = {
  file: 'BELKACEM_Amina_memoire_Sociographe.docx',
  title: 'Du guichet à la plateforme : le travail social à l’épreuve de la dématérialisation',
  byline: ["Amina Belkacem, étudiante en troisième année, diplôme d'État d'assistant de service social"],
  creator: 'Amina Belkacem',
  created: '2022-03-02T10:15:00Z',
  modified: '2022-08-26T21:30:00Z',
  application: 'word',
  seed: 8103,
  target: 34_000,
  intro:
    "Ce texte reprend, en l'adaptant, une partie de mon mémoire de fin d'études. Pendant mon stage long dans un service social de secteur, j'ai été frappée par la place prise par les démarches en ligne dans le quotidien des personnes et des professionnels. J'ai voulu comprendre ce que cette transformation change à la relation d'accompagnement, à l'accès aux droits et à l'organisation même du travail social.",
  introNote:
    'Mémoire soutenu en juin 2022. Les entretiens ont été menés entre novembre 2021 et mars 2022 auprès de douze professionnels et de quinze personnes accompagnées.',
  sections: [
    { heading: '1. La relation d’aide bousculée', themes: ['A'] },
    { heading: '2. Apprendre le numérique, accéder à ses droits', themes: ['B'] },
    {
      heading: '3. Ce que les plateformes font au travail social',
      themes: ['C'],
      note: "L'expression « plateformes du social » est de Vincent Meyer (2017, voir la bibliographie).",
    },
    { heading: '4. Paroles de professionnels et de personnes accompagnées', themes: ['Q'] },
    { heading: '5. Des pistes pour la pratique', themes: ['A', 'B', 'C'] },
  ],
  conclusionHeading: 'Conclusion',
  conclusion:
    "Au terme de ce travail, je retiens que le numérique n'est ni un ennemi ni une solution. Il est devenu un milieu dans lequel le travail social s'exerce, et qu'il doit apprendre à habiter sans renoncer à ce qui fait sa raison d'être : la rencontre avec des personnes singulières, et la défense de leurs droits.",
  after: [{ heading: 'Bibliographie', paragraphs: CALL_BIBLIOGRAPHY }],
};

/** 6. No phone number in the message (~8,500 signes). */
export const NGUYEN: ManuscriptSpec = {
  file: 'Nguyen_ateliers_numeriques.docx',
  title: "Des ateliers pour apprendre, un lieu pour revenir : l'accès aux droits au centre social",
  byline: ['Sophie Nguyen, conseillère en économie sociale familiale'],
  creator: 'Sophie Nguyen',
  created: '2022-07-04T09:00:00Z',
  modified: '2022-08-28T16:12:00Z',
  application: 'libreoffice',
  seed: 8106,
  target: 8_500,
  intro:
    'Depuis deux ans, le centre social où je travaille propose chaque semaine des ateliers numériques ouverts à tous. Ils ont été créés pour aider les habitants à faire leurs démarches en ligne ; ils sont devenus bien autre chose.',
  sections: [
    { heading: "Commencer par l'envie, pas par le formulaire", themes: ['B'] },
    {
      heading: 'Faire avec, faire à la place',
      themes: ['B', 'A'],
      note: 'Un modèle de mandat, rédigé avec les habitants, est affiché dans la salle des ateliers.',
    },
    { heading: 'Ce que les institutions pourraient changer', themes: ['C', 'B'] },
  ],
  conclusionHeading: 'En guise de conclusion',
  conclusion:
    "Les ateliers n'ont pas supprimé les difficultés d'accès aux droits. Ils ont créé un lieu où l'on peut revenir, poser une question sans honte et repartir un peu plus sûr de soi. C'est peu, et c'est beaucoup.",
};

/** 7. No postal address (~9,000 signes). */
export const HADDAD: ManuscriptSpec = {
  file: 'Haddad - mediateur numerique.docx',
  title: "Médiateur numérique : un métier du social qui s'ignore ?",
  byline: ['Karim Haddad, conseiller numérique'],
  creator: 'Karim Haddad',
  created: '2022-08-01T07:45:00Z',
  modified: '2022-08-29T15:20:00Z',
  application: 'word',
  seed: 8107,
  target: 9_000,
  intro:
    "Je suis arrivé dans le travail social par la porte du numérique. Recruté comme conseiller numérique, je pensais apprendre aux gens à se servir d'un ordinateur. J'ai surtout appris à écouter.",
  introNote:
    "J'ai exercé d'abord dans une médiathèque, puis dans un espace de services au public en zone rurale.",
  sections: [
    { heading: 'Un métier sans tradition', themes: ['B'] },
    { heading: 'Au milieu des plateformes', themes: ['C'] },
    { heading: 'Apprendre des travailleurs sociaux', themes: ['B', 'A'] },
  ],
  conclusionHeading: 'Conclusion',
  conclusion:
    'La médiation numérique a besoin du travail social, de ses valeurs et de son expérience de la relation. Le travail social, de son côté, aurait beaucoup à gagner à reconnaître ces nouveaux venus comme des collègues.',
};

/** 8. Two co-authors, no contact named (~15,000 signes). */
export const ROUX_GARNIER: ManuscriptSpec = {
  file: 'Roux-Garnier_Plaider devant un algorithme.docx',
  title: 'Plaider devant un algorithme ? Le travail social face aux décisions automatisées',
  byline: ['Paul Garnier, assistant de service social', 'Isabelle Roux, formatrice en travail social'],
  creator: 'Isabelle Roux',
  lastModifiedBy: 'Paul Garnier',
  created: '2022-05-18T12:00:00Z',
  modified: '2022-08-29T20:55:00Z',
  application: 'word',
  seed: 8108,
  target: 15_000,
  intro:
    "L'un de nous accompagne des familles dans un service social de secteur, l'autre forme de futurs travailleurs sociaux. Nous avons voulu confronter nos regards sur une question qui revient sans cesse, sur le terrain comme en formation : que devient le travail social quand des décisions qui touchent les personnes sont préparées, voire prises, par des systèmes automatisés ?",
  introNote: 'Les auteurs sont présentés par ordre alphabétique.',
  sections: [
    { heading: 'Quand le formulaire décide', themes: ['C'] },
    {
      heading: 'La relation d’aide sous contrainte technique',
      themes: ['A', 'C'],
      note: 'Les exemples sont tirés de situations rencontrées entre 2019 et 2022, rendues anonymes.',
    },
    { heading: 'Former à comprendre, pas seulement à utiliser', themes: ['B', 'C'] },
    { heading: 'Pour une gouvernance partagée des outils', themes: ['C'] },
  ],
  conclusionHeading: 'Conclusion',
  conclusion:
    "Plaider devant un algorithme est sans doute impossible ; plaider pour que les algorithmes soient compréhensibles, contestables et discutés ne l'est pas. C'est là, croyons-nous, une tâche nouvelle et pleinement politique pour le travail social.",
};

/** 9. An association as the author (~10,000 signes). */
export const LIEN_NUMERIQUE: ManuscriptSpec = {
  file: 'Le Lien numerique - article Sociographe.docx',
  title: 'Aller vers, avec un camion et trois ordinateurs : la médiation numérique itinérante à La Réunion',
  byline: ['Association Le Lien numérique'],
  creator: 'Association Le Lien numérique',
  created: '2022-07-20T05:10:00Z',
  modified: '2022-08-31T03:40:00Z',
  application: 'word',
  seed: 8109,
  target: 10_000,
  intro:
    "Depuis 2019, notre association sillonne les hauts de l'île avec un camion aménagé pour accompagner les habitants dans leurs démarches en ligne. Ce texte, écrit à plusieurs mains par l'équipe, revient sur trois années d'itinérance.",
  introNote: "Les chiffres cités proviennent des bilans d'activité de l'association pour 2020 et 2021.",
  sections: [
    { heading: 'Aller là où les services ne vont plus', themes: ['B'] },
    { heading: 'Une relation qui se construit sur la durée', themes: ['A', 'B'] },
    { heading: 'Ce que nous demandons aux institutions', themes: ['C'] },
  ],
  conclusionHeading: 'Conclusion',
  conclusion:
    "Le camion n'est qu'un outil. Ce qui compte, c'est la régularité des passages, la confiance qui s'installe et la possibilité, pour chacun, de revenir quand il en a besoin.",
};

/** 10. Arrived late (~9,500 signes). */
export const PERRIN: ManuscriptSpec = {
  file: 'Perrin_coffre-fort_numerique.docx',
  title: 'Le coffre-fort numérique, outil d’émancipation ou nouvelle dépendance ?',
  byline: ['Nathalie Perrin, éducatrice spécialisée'],
  creator: 'Nathalie Perrin',
  created: '2022-08-10T09:30:00Z',
  modified: '2022-09-02T06:55:00Z',
  application: 'word',
  seed: 8110,
  target: 9_500,
  intro:
    "Dans le service d'hébergement où je travaille, nous proposons depuis un an aux personnes accueillies d'ouvrir un coffre-fort numérique pour y déposer leurs papiers. L'outil devait les protéger de la perte de documents ; il a soulevé plus de questions que prévu.",
  sections: [
    {
      heading: 'Des papiers enfin à l’abri',
      themes: ['B', 'C'],
      note: 'Le service accueille des hommes et des femmes sans domicile, pour des durées de quelques semaines à plusieurs mois.',
    },
    { heading: 'Qui détient les clés ?', themes: ['A'] },
    { heading: 'Une question de gouvernance', themes: ['C'] },
  ],
  conclusionHeading: 'Conclusion',
  conclusion:
    "Le coffre-fort numérique peut être un outil d'émancipation, à condition que la personne en garde la maîtrise et que le professionnel accepte de ne plus en détenir les clés.",
};

/** 14. From a researcher abroad, in French (~13,500 signes). */
export const WHITFIELD: ManuscriptSpec = {
  file: 'Whitfield_Sociographe81.docx',
  title: 'Regards croisés France – Royaume-Uni sur le travail social à l’ère numérique',
  byline: [
    'Eleanor Whitfield, maîtresse de conférences en travail social, université de Northfield (Royaume-Uni)',
  ],
  creator: 'Eleanor Whitfield',
  created: '2022-07-01T11:00:00Z',
  modified: '2022-08-31T17:25:00Z',
  application: 'word',
  seed: 8114,
  target: 13_500,
  intro:
    "J'enseigne le travail social en Angleterre et je mène depuis plusieurs années des échanges avec des équipes françaises. Les deux pays ont connu, à quelques années d'écart, la même dématérialisation des services sociaux ; ils n'y ont pas répondu de la même façon.",
  introNote: 'Je remercie une collègue lyonnaise pour sa relecture attentive de mon français.',
  sections: [
    { heading: 'Deux histoires de la dématérialisation', themes: ['C'] },
    { heading: 'La relation à l’épreuve de la distance', themes: ['A'] },
    { heading: 'Former les professionnels et les usagers', themes: ['B'] },
    { heading: 'Ce que chaque pays peut apprendre de l’autre', themes: ['C', 'A'] },
  ],
  conclusionHeading: 'Conclusion',
  conclusion:
    "Vu de l'autre côté de la Manche, le débat français sur l'humanisme numérique a quelque chose de précieux : il rappelle que la question n'est pas technique, mais politique et éthique.",
};

/** 15. Sent and received on 1 September at 23:52, Paris time: on time (~7,000 signes). */
export const DUBREUIL: ManuscriptSpec = {
  file: 'Dubreuil Camille - proposition article.docx',
  title: 'Apprendre le métier derrière un écran : une année de formation pendant la crise sanitaire',
  byline: ['Camille Dubreuil, étudiante éducatrice spécialisée'],
  creator: 'Camille Dubreuil',
  created: '2022-08-15T20:00:00Z',
  modified: '2022-09-01T21:40:00Z',
  application: 'libreoffice',
  seed: 8115,
  target: 7_000,
  intro:
    "J'ai commencé ma formation d'éducatrice spécialisée en septembre 2020. Une bonne partie de ma première année s'est passée devant un écran, en cours comme en stage. Je voudrais raconter ce que cela a changé dans ma manière d'apprendre le métier.",
  sections: [
    {
      heading: 'Des cours à distance, des stages à distance',
      themes: ['A'],
      note: 'Je remercie ma formatrice référente, qui m’a encouragée à proposer ce texte.',
    },
    { heading: 'Apprendre à accompagner vers le numérique', themes: ['B'] },
  ],
  conclusionHeading: 'Conclusion',
  conclusion:
    "Je garde de cette année l'idée que l'outil ne fait pas la relation. Mais je sais aussi que je devrai, toute ma vie professionnelle, apprendre à accompagner des personnes dans un monde numérique que personne ne maîtrise entièrement.",
};

/** 5. Sent as a Word 97-2003 .doc (~9,000 signes, no notes: the .doc carries the body only). */
export const FABRE: ManuscriptSpec = {
  file: 'FABRE article Sociographe.doc',
  title: 'Le cahier de liaison et le téléphone : tenir le lien avec les familles en internat',
  byline: ['Gilles Fabre, moniteur-éducateur'],
  creator: 'Gilles Fabre',
  created: '2022-07-11T16:00:00Z',
  modified: '2022-08-27T13:10:00Z',
  application: 'word',
  seed: 8105,
  target: 9_000,
  intro:
    'Je travaille depuis vingt ans dans un internat éducatif. Longtemps, le lien avec les familles est passé par un cahier de liaison et par les retours du week-end. Depuis quelques années, il passe aussi par le téléphone, les messages et, depuis la crise sanitaire, par la visioconférence.',
  sections: [
    { heading: 'Du cahier au téléphone', themes: ['A'] },
    { heading: 'Des familles inégalement connectées', themes: ['B', 'A'] },
    { heading: 'Ce que l’institution attend des écrits', themes: ['C'] },
  ],
  conclusionHeading: 'Conclusion',
  conclusion:
    "Le cahier de liaison n'a pas disparu. Il voisine avec les messages et les appels, et chacun de ces canaux dit quelque chose de différent aux familles. Notre travail est de choisir, avec elles, celui qui convient.",
};
