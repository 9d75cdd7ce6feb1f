/**
 * Our own sentences on the three lines of inquiry of Sociographe no. 81, from which the demo
 * manuscripts are assembled: A, the support relationship face to face and at a distance; B, training
 * in digital culture and access to rights; C, governance, platforms and algorithms; Q, quotes for
 * the annex of a student's dissertation. Every sentence stands on its own, so that any order reads.
 * Written with straight quotes and plain spaces; `typeset` applies French typography as Word would.
 */

export type Theme = 'A' | 'B' | 'C' | 'Q';

export const POOL: Record<Theme, readonly string[]> = {
  A: [
    'Pendant le premier confinement, les entretiens se sont faits au téléphone, parfois en visioconférence, et il a fallu inventer en quelques jours une manière de rester présents sans être là.',
    "Au téléphone, on perd le visage mais on gagne parfois une liberté de parole : certaines personnes disent à distance ce qu'elles n'osaient pas formuler dans un bureau.",
    "L'entretien en face-à-face ne se réduit pas à un échange d'informations ; il comporte un accueil, un temps d'installation, des silences qui ont leur place.",
    "Une éducatrice raconte qu'elle reconnaissait, au simple bruit de fond d'un appel, si la journée avait été difficile dans la famille.",
    "La visioconférence installe un cadre étrange : chacun voit l'intérieur de l'autre, sa cuisine, ses enfants qui passent, alors même que la rencontre se veut plus distante.",
    'Les messageries instantanées ont brouillé les horaires : un message envoyé à vingt-trois heures appelle une réponse, et le professionnel se sent tenu de la donner.',
    "Beaucoup d'équipes ont dû fixer des règles simples, comme ne pas répondre après dix-huit heures ou utiliser un téléphone de service distinct du téléphone personnel.",
    "La distance n'est pas seulement géographique ; elle tient aussi à la qualité de l'attention que l'on peut porter à quelqu'un à travers un écran.",
    "Pour des jeunes accompagnés en protection de l'enfance, l'échange par messages écrits est souvent plus naturel que le rendez-vous au bureau.",
    'Il serait faux de dire que la relation à distance est une relation au rabais : elle est différente, avec ses ressources et ses angles morts.',
    "Ce qui se perd d'abord, ce sont les moments informels : le couloir, la salle d'attente, le café offert, où se disent souvent les choses importantes.",
    "Certains usagers ont apprécié de ne plus avoir à traverser la ville pour un rendez-vous de vingt minutes, surtout lorsqu'ils n'ont pas de voiture.",
    "La visite à domicile reste, pour beaucoup de professionnels, le lieu où l'on comprend vraiment une situation, et aucun outil ne la remplace.",
    "Le regard, la posture, la façon de s'asseoir ou de garder son manteau donnent des indices que la parole seule ne transmet pas.",
    "Au fil des mois, les professionnels ont appris à combiner les formes de contact plutôt qu'à les opposer : un appel pour préparer, une rencontre pour décider, un message pour confirmer.",
    "La question du secret professionnel se pose autrement quand l'entretien a lieu dans une pièce où d'autres membres de la famille peuvent entendre.",
    "Une assistante sociale explique qu'elle commence désormais chaque appel en demandant si la personne est seule et si elle peut parler librement.",
    "La relation d'aide repose sur la confiance, et la confiance se construit dans la durée, ce qui suppose une continuité que les outils peuvent soutenir ou fragiliser.",
    "Les personnes âgées isolées ont parfois vécu l'appel régulier d'un travailleur social comme le seul lien avec l'extérieur pendant plusieurs semaines.",
    "Le passage à distance a aussi révélé des inégalités d'équipement : un forfait limité, un téléphone partagé entre plusieurs enfants, une connexion qui coupe.",
    "On ne mène pas un entretien difficile de la même manière lorsqu'on ne peut pas tendre un mouchoir ou laisser un silence s'installer.",
    "Les équipes les plus à l'aise ont été celles qui avaient déjà pris l'habitude de réfléchir ensemble à leur pratique, en analyse de la pratique ou en supervision.",
    "L'écran fatigue : plusieurs professionnels décrivent un épuisement particulier après une journée entière d'entretiens en visioconférence.",
    "Il faut aussi compter avec la peur d'être enregistré ou filmé, qui rend certaines personnes prudentes, voire muettes, devant une caméra.",
    "Dans les foyers, les éducateurs ont vu les adolescents passer plus de temps en ligne et ont dû réinventer leur place auprès d'eux, sans interdire ni laisser faire.",
    'La relation éducative passe par des activités partagées, un repas, une sortie, un match, que la distance rend presque impossibles.',
    "Plusieurs services ont constaté, à la reprise des rencontres physiques, un besoin de se revoir presque plus fort qu'avant la crise sanitaire.",
    "Le numérique peut prolonger la rencontre, à condition qu'il ne devienne pas le seul canal par lequel une personne peut joindre son référent.",
    "Ce que les personnes attendent, disent-elles, ce n'est pas un outil de plus, c'est que quelqu'un réponde et se souvienne de leur situation.",
    "Le dossier informatisé permet de retrouver un historique, mais il ne dit rien du ton d'une conversation ni de ce qui a été compris à demi-mot.",
    'Une cheffe de service observe que les écrits professionnels se sont allongés depuis que tout passe par le logiciel, au détriment du temps passé auprès des personnes.',
    "Accompagner à distance demande de reformuler davantage, de vérifier ce qui a été entendu, de résumer à la fin de l'échange ce qui a été convenu.",
    "Pour les personnes qui parlent peu le français, le téléphone complique encore la compréhension, et l'interprétariat à trois voix demande une organisation précise.",
    "À l'inverse, la visioconférence a parfois permis de réunir autour d'une situation des partenaires qui ne se seraient jamais déplacés pour une synthèse.",
    "La présence physique du professionnel reste un signe : elle dit à la personne qu'on a pris le temps de venir, qu'elle en vaut la peine.",
    "Les mots échangés par écrit restent, et cette trace peut rassurer autant qu'inquiéter ; certains usagers relisent plusieurs fois un message avant d'oser répondre.",
    "Plutôt que de choisir entre présence et distance, il s'agit de se demander, pour chaque personne, quelle forme de contact lui permet de garder la main sur son accompagnement.",
    "Les travailleurs sociaux rencontrés insistent sur un point : l'outil doit rester au service de la relation, et non l'inverse.",
  ],
  B: [
    'La dématérialisation des démarches a déplacé vers les personnes elles-mêmes une part du travail que faisaient autrefois les agents au guichet.',
    "Créer une adresse électronique, retenir un mot de passe, recevoir un code par SMS : chaque étape suppose des savoirs que l'on croit partagés et qui ne le sont pas.",
    "On parle volontiers d'illectronisme, mais le mot enferme les personnes dans un manque, alors que beaucoup savent très bien se servir d'un téléphone pour d'autres usages.",
    "Les ateliers collectifs permettent d'apprendre ensemble, de rire de ses erreurs et de voir que l'on n'est pas seul à buter sur un formulaire.",
    "Dans un atelier du mardi matin, une dame de soixante-dix ans a appris à envoyer une photo à ses petits-enfants avant d'accepter de parler de sa déclaration d'impôts.",
    "Le point de départ d'un apprentissage numérique est rarement la démarche administrative ; c'est plus souvent un désir, un lien à garder, une envie de se débrouiller.",
    "Faire à la place de la personne règle l'urgence, mais l'enferme dans la dépendance si cela devient la seule réponse.",
    'Les professionnels se retrouvent à détenir des identifiants, des mots de passe, parfois des codes bancaires, sans cadre clair pour les protéger.',
    "Un mandat écrit, même simple, permet de clarifier ce que le professionnel fait au nom de la personne et ce qu'il ne fait pas.",
    "L'accès aux droits ne se joue pas seulement dans la maîtrise de l'outil, mais dans la compréhension de ce que l'administration attend.",
    "Une case mal cochée, un justificatif au mauvais format, et le dossier est suspendu sans que personne n'explique pourquoi.",
    'Le non-recours aux droits, déjà important avant la dématérialisation, trouve dans les démarches en ligne une raison supplémentaire.',
    "Les conseillers numériques recrutés ces dernières années viennent souvent d'autres horizons que le travail social, et la rencontre des cultures professionnelles ne va pas de soi.",
    "Former les travailleurs sociaux au numérique, ce n'est pas seulement leur apprendre des logiciels ; c'est les aider à comprendre ce que ces outils font aux personnes.",
    'Dans les instituts de formation, la culture numérique entre peu à peu dans les programmes, souvent par des modules courts et optionnels.',
    "Les étudiants en travail social sont souvent à l'aise avec les réseaux sociaux, mais beaucoup moins avec les portails administratifs qu'ils devront utiliser avec les usagers.",
    "L'équipement ne suffit pas : distribuer des tablettes sans accompagnement revient souvent à les voir rester dans un tiroir.",
    "Les personnes en situation de handicap rencontrent des obstacles spécifiques, car de nombreux sites publics restent mal adaptés aux lecteurs d'écran.",
    "Le téléphone portable est devenu l'outil principal d'accès à internet pour beaucoup de ménages modestes, alors que les démarches sont pensées pour un ordinateur.",
    "Remplir un dossier de logement social sur un écran de smartphone, avec des pièces justificatives à photographier une à une, relève de l'exploit.",
    "Les bibliothèques, les centres sociaux et les associations de quartier jouent un rôle discret mais essentiel dans l'apprentissage du numérique.",
    'Une médiatrice résume son travail ainsi : rendre les gens capables de revenir seuls, et leur laisser le droit de ne pas vouloir.',
    "Le droit de ne pas utiliser internet mérite d'être défendu : un guichet physique doit rester accessible à celles et ceux qui en ont besoin.",
    "L'autonomie numérique se construit pas à pas, par des réussites modestes qui redonnent confiance.",
    "Pour certains jeunes, l'enjeu n'est pas d'apprendre à se servir d'un écran, mais de comprendre la différence entre un message privé et une publication visible de tous.",
    'Les arnaques en ligne touchent durement les personnes qui découvrent le numérique, et la peur de se faire piéger freine ensuite tout apprentissage.',
    "Dans les quartiers prioritaires comme dans les zones rurales, l'absence de réseau ou d'ordinateur à la maison reste une réalité quotidienne.",
    'La formation continue des équipes gagne à partir de situations réelles apportées par les professionnels, plutôt que de démonstrations abstraites.',
    "Accompagner une démarche en ligne, c'est aussi expliquer ce qui se passe après le clic : qui lit le dossier, dans quels délais, avec quels recours.",
    "Les associations d'usagers demandent à être associées à la conception des sites publics, pour que leurs difficultés soient prises en compte dès le départ.",
    "Le pouvoir d'agir des personnes passe par la possibilité de comprendre et de contester une décision, y compris lorsqu'elle arrive par une notification automatique.",
    "Beaucoup de personnes reçoivent des courriels importants sans jamais les lire, faute d'ouvrir une boîte créée pour elles par un tiers.",
    "Les structures d'accueil ont vu arriver des demandes qui ne relevaient pas de leur mission, simplement parce qu'elles disposaient d'un ordinateur et d'une imprimante.",
    "L'inclusion numérique ne peut pas reposer sur la seule bonne volonté de bénévoles, si engagés soient-ils ; elle demande des moyens durables.",
    "Les personnes sans domicile, les personnes détenues et les gens du voyage sont parmi les premiers exclus d'une administration qui suppose une adresse et une connexion.",
    "Apprendre ensemble, professionnels et usagers, renverse parfois les rôles : il arrive qu'un jeune montre à son éducateur une fonction qu'il ignorait.",
    "Les supports d'apprentissage les plus utiles sont souvent les plus simples : une fiche imprimée, une capture d'écran annotée, un pense-bête glissé dans un portefeuille.",
    "La médiation numérique gagne à être pensée comme une médiation sociale, avec le même souci de l'écoute et du respect du rythme de chacun.",
  ],
  C: [
    "Les plateformes numériques ont d'abord été présentées comme des outils de simplification ; elles sont devenues, peu à peu, la porte d'entrée obligatoire des services.",
    "Quand l'orientation d'une demande dépend d'un formulaire en ligne, c'est le formulaire qui décide de ce qui compte dans une situation.",
    "Les catégories des logiciels ne correspondent jamais tout à fait aux histoires de vie : il faut toujours faire entrer quelqu'un dans une case.",
    "Les indicateurs d'activité, produits automatiquement, prennent une place croissante dans le pilotage des services, au risque de mesurer ce qui se compte plutôt que ce qui compte.",
    "Les algorithmes de détection des fraudes ou des risques suscitent l'inquiétude des professionnels, qui craignent de voir des personnes ciblées sans explication.",
    'Un travailleur social peut plaider une situation singulière devant une commission ; il lui est beaucoup plus difficile de plaider devant une règle de calcul.',
    "La transparence des règles de calcul n'est pas un luxe technique, c'est une condition pour que les personnes puissent faire valoir leurs droits.",
    "Le partage d'informations entre institutions est souvent présenté comme un progrès, mais il pose des questions de consentement que les personnes n'ont pas toujours les moyens de poser.",
    'Le secret professionnel a été pensé pour des dossiers papier rangés dans des armoires ; il doit être repensé pour des données qui circulent entre plusieurs logiciels.',
    "Les professionnels ne sont pas toujours consultés lors du choix des logiciels qu'ils utiliseront tous les jours, et les découvrent le jour de leur mise en service.",
    "La prise de rendez-vous en ligne, pratique pour certains, devient un filtre pour d'autres, qui n'obtiennent jamais de créneau faute de savoir se connecter au bon moment.",
    "Derrière l'idée de parcours usager se dessine parfois une standardisation des réponses, où chaque personne suit des étapes prévues à l'avance.",
    "La plateforme remplace le guichet, mais elle ne remplace pas l'agent qui, au guichet, savait repérer une détresse ou une erreur.",
    "Les décisions automatisées doivent pouvoir être expliquées et revues par un humain ; c'est un principe juridique autant qu'une exigence éthique.",
    "Les données produites par les travailleurs sociaux servent désormais à d'autres usages que l'accompagnement : statistiques, financement, contrôle.",
    "Écrire dans un dossier partagé oblige à se demander qui lira ces lignes, dans quel but et dans combien d'années.",
    'Les éditeurs de logiciels deviennent des acteurs de la politique sociale sans en avoir la responsabilité, puisque leurs choix techniques organisent le travail.',
    'Certains départements ont mis en place des comités éthiques associant professionnels et personnes accompagnées pour examiner les nouveaux outils avant leur déploiement.',
    "L'humanisme numérique dont on parle beaucoup suppose que l'outil serve la relation et non qu'il la remplace.",
    "La question n'est pas de refuser les algorithmes, mais de savoir qui les conçoit, selon quels critères, et avec quel contrôle démocratique.",
    "Un robot conversationnel peut répondre à des questions simples à toute heure ; il ne sait pas entendre ce qui n'est pas dit.",
    "Les agents d'accueil deviennent les traducteurs d'un système qu'ils n'ont pas conçu et dont ils ne maîtrisent pas toujours les règles.",
    "La gouvernance du travail social se joue aussi dans les appels d'offres, les cahiers des charges et les paramétrages, là où peu de travailleurs sociaux sont présents.",
    "Le risque d'uniformisation des parcours de vie est réel lorsque les réponses possibles sont limitées à celles que prévoit un menu déroulant.",
    "L'évaluation des politiques sociales par les données peut éclairer des décisions, à condition de ne pas confondre ce qui est mesurable avec ce qui est important.",
    'Les personnes accompagnées ont rarement accès aux informations que les institutions détiennent sur elles, alors que la loi leur en donne le droit.',
    'Rendre compte de son activité dans un logiciel prend du temps, et ce temps est pris sur la rencontre avec les personnes.',
    "La centralisation des données rend possible un pilotage fin, mais elle rend aussi les erreurs plus difficiles à corriger quand elles se propagent d'un fichier à l'autre.",
    "Plusieurs professionnels décrivent la sensation d'être devenus des opérateurs de saisie, évalués sur des délais de traitement plutôt que sur la qualité de leur accompagnement.",
    "Les instances de direction découvrent parfois les effets d'un outil par les plaintes des usagers, faute d'avoir prévu une évaluation avec les équipes de terrain.",
    "Il reste un espace pour l'initiative locale : des équipes ont construit leurs propres outils, plus modestes, mieux adaptés à leurs pratiques.",
    'Une gouvernance partagée du numérique suppose de donner une voix, dans les décisions, à celles et ceux qui utilisent les outils et à celles et ceux qui les subissent.',
    'La dématérialisation a aussi déplacé des coûts : imprimer, scanner, se connecter, tout cela est désormais à la charge des personnes ou des associations.',
    "La promesse d'une administration ouverte à toute heure cache une réalité plus rude pour qui attend une réponse pendant des semaines sans interlocuteur.",
    'Le travail social a toujours été un travail de médiation entre les personnes et les institutions ; le numérique ne supprime pas cette médiation, il en change les formes.',
    "Les choix techniques ne sont jamais neutres : ils portent une certaine idée de l'usager, supposé autonome, équipé et disponible.",
    "Les remontées des équipes de terrain devraient être prises en compte dans l'évolution des logiciels, au même titre que les demandes des financeurs.",
    "Penser la gouvernance du numérique, c'est finalement se demander quelle place on veut laisser à la délibération humaine dans l'attribution des aides.",
  ],
  Q: [
    "« Au début, je croyais que c'était moi qui étais nulle. Après l'atelier, j'ai compris que le site était compliqué pour tout le monde. » (Mme T., 62 ans)",
    "« Je préfère quand on se voit. Au téléphone, j'ai l'impression de déranger, alors je raccourcis. » (M. B., 45 ans)",
    "« Les messages, c'est pratique, mais il y a des jours où je réponds encore à vingt-deux heures, et je m'en veux. » (éducatrice, foyer de jeunes travailleurs)",
    "« Mon fils m'a créé une adresse mail, mais je ne sais pas où elle est. Les papiers, maintenant, ils arrivent là-dedans. » (Mme K., 71 ans)",
    '« On nous a donné un nouveau logiciel en janvier. Personne ne nous a demandé notre avis, et il ne connaît pas les familles recomposées. » (assistante sociale, polyvalence de secteur)',
    "« Quand la caisse a suspendu mes droits, personne n'a su me dire pourquoi. C'était écrit \"anomalie\" sur l'écran, c'est tout. » (M. R., 38 ans)",
    "« Pendant le confinement, c'est l'appel du jeudi qui me faisait tenir. Je savais qu'elle appellerait. » (Mme D., 80 ans)",
    '« Moi, je fais avec eux, jamais à leur place. Sauf quand il reste une heure avant la fin du délai. » (conseiller numérique)',
    "« J'ai un téléphone, j'ai internet, mais les formulaires, je ne comprends pas les mots qu'ils emploient. » (M. S., 29 ans)",
    "« Au foyer, les jeunes nous montrent des choses qu'on ne connaît pas. Ça change la relation, on apprend aussi d'eux. » (éducateur spécialisé)",
    "« La visio, pour les synthèses, c'est devenu normal. Le partenaire de l'hôpital vient enfin, alors qu'avant il n'avait jamais le temps. » (cheffe de service)",
    "« Je passe plus de temps à remplir les cases qu'à voir les gens. Et les cases ne disent pas ce qu'on a vécu ensemble. » (assistante sociale, hôpital)",
    "« On m'a dit de prendre rendez-vous sur internet. Mais pour aller sur internet, il faut que quelqu'un m'aide, et pour qu'on m'aide, il faut un rendez-vous. » (Mme A., 55 ans)",
    "« Ce qui m'a aidée, c'est la fiche qu'elle m'a faite, avec les étapes écrites en gros. Je l'ai toujours dans mon sac. » (Mme L., 67 ans)",
    "« Les codes par SMS, quand on change de numéro tous les deux mois, c'est impossible. » (M. F., 34 ans, hébergé chez un ami)",
    "« Je n'ai pas peur de l'ordinateur. J'ai peur de faire une bêtise et de perdre mes droits. » (Mme N., 48 ans)",
    "« Avant, au guichet, la dame savait qui j'étais. Maintenant, c'est un numéro de dossier. » (M. G., 59 ans)",
    "« L'algorithme, on ne le voit jamais, mais on voit ses effets : des dossiers qui bloquent sans qu'on sache pourquoi. » (conseillère en économie sociale familiale)",
    "« Former au numérique, oui, mais il faudrait d'abord former ceux qui fabriquent les sites. » (formateur, institut régional du travail social)",
    '« Les jeunes que je suis répondent à un message en deux minutes, à un courrier jamais. » (éducatrice, service de prévention spécialisée)',
    "« J'ai gardé mon portable pro éteint le week-end, et c'est devenu une règle pour toute l'équipe. » (éducateur, maison d'enfants)",
    '« On a reçu vingt tablettes. Sans personne pour accompagner, elles sont restées dans les cartons. » (directrice de centre social)',
  ],
};

/** French typography as Word's autocorrect leaves it: curly apostrophes, no-break spaces. */
export function typeset(text: string): string {
  return text
    .replace(/'/g, '’')
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»')
    .replace(/ ([:])/g, '\u00a0$1')
    .replace(/ ([;!?])/g, '\u202f$1')
    .replace(/"([^"]*)"/g, '“$1”');
}

/** A small fixed-seed generator (mulberry32): the same seed gives the same manuscript. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws sentences of each theme without repeating one until the theme's pool is used up. */
export class Decks {
  private readonly decks = new Map<Theme, string[]>();

  constructor(private readonly random: () => number) {}

  draw(theme: Theme): string {
    let deck = this.decks.get(theme);
    if (!deck || deck.length === 0) {
      deck = [...POOL[theme]];
      for (let i = deck.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [deck[i], deck[j]] = [deck[j] as string, deck[i] as string];
      }
      this.decks.set(theme, deck);
    }
    return deck.pop() as string;
  }

  /** A whole number in [min, max]. */
  between(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
}
