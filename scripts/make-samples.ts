/**
 * Writes samples/manuscrit-exemple.docx, the manuscript `npm start` checks: our own text on the
 * theme of Sociographe no. 81, with a heading, footnotes, a citation field (as Zotero writes
 * one), a table and a text box, so that every part of the report has something to say.
 * Run with `npm run samples`; the output is deterministic and committed.
 */
import { writeFileSync } from 'node:fs';
import { docxEntries, p, r } from '../test/helpers/docx-fixtures.js';
import { makeZip } from '../test/helpers/zip-fixtures.js';

const PARAGRAPHS = [
  'Depuis une dizaine d’années, les services sociaux ont vu arriver des outils numériques de toutes sortes : plateformes de prise de rendez-vous, coffres-forts numériques, messageries professionnelles, dossiers partagés. Ces outils promettent de simplifier les démarches ; ils transforment aussi, souvent sans qu’on y prenne garde, la manière dont une travailleuse sociale rencontre les personnes qu’elle accompagne.',
  'Ce texte part d’une expérience de terrain menée pendant deux ans dans un centre communal d’action sociale d’une ville moyenne. L’équipe y a ouvert un « point numérique » où les personnes pouvaient venir, sans rendez-vous, faire leurs démarches en ligne avec l’aide d’un professionnel. Très vite, ce lieu est devenu bien autre chose qu’un guichet : un espace où la parole circule, où l’on parle de sa situation en attendant que la page se charge.',
  'La relation d’accompagnement ne disparaît pas avec l’écran, mais elle se déplace. Le professionnel n’est plus seulement celui qui écoute et oriente ; il devient aussi celui qui tient la souris, qui connaît les mots de passe, qui sait où cliquer. Cette position donne un pouvoir nouveau, et elle pose des questions éthiques que les équipes n’avaient pas anticipées : que faire des identifiants confiés ? jusqu’où aller à la place de la personne ?',
  'Les personnes rencontrées ne sont pas toutes « éloignées du numérique ». Beaucoup ont un téléphone et s’en servent chaque jour ; ce qui leur manque, c’est moins l’outil que la compréhension des logiques administratives qu’il impose. Un formulaire en ligne ne pardonne pas l’approximation : une case oubliée, et le dossier repart au début. L’accompagnement consiste alors à traduire, à expliquer, à redonner du sens à une suite d’étapes qui en paraît dépourvue.',
  'Dans les premières semaines, l’équipe a tenu un journal de bord. On y lit la surprise des professionnels devant la diversité des demandes : renouveler une carte de séjour, déclarer des revenus trimestriels, retrouver un identifiant perdu, imprimer un billet de train, comprendre un courrier de la caisse d’allocations familiales. Derrière chaque demande technique se tenait presque toujours une inquiétude plus large, que la démarche en ligne rendait soudain visible.',
  'Le point numérique a aussi changé le travail entre collègues. Les assistantes sociales orientaient vers lui les personnes dont les démarches bloquaient ; les conseillers numériques, recrutés sur des contrats courts, renvoyaient vers les assistantes sociales les situations qui dépassaient la simple aide technique. Cette circulation n’allait pas de soi : il a fallu inventer des temps d’échange, un langage commun, des règles de partage de l’information respectueuses du secret professionnel.',
  'Une question est revenue sans cesse : faut-il faire à la place de la personne, ou avec elle ? Faire à sa place va plus vite, et c’est parfois ce qu’elle demande. Faire avec elle prend du temps, mais lui permet de revenir seule la fois suivante. Les professionnels ont appris à moduler leur réponse selon l’urgence, la fatigue de la personne et ce qu’elle souhaite apprendre ; aucun principe général ne remplace ce jugement de situation.',
  'La crise sanitaire a accéléré ce mouvement. Pendant les confinements, le téléphone et la visioconférence ont remplacé les entretiens en face-à-face. Certains professionnels y ont découvert des formes de contact plus souples, mieux adaptées à des personnes qui travaillent ou qui vivent loin ; d’autres ont vu se perdre ce que le corps, le regard et le silence apportent à la rencontre. Les deux constats sont vrais, et c’est leur coexistence qu’il faut penser.',
  'Les personnes accueillies, elles, disent autre chose. Interrogées à la fin de l’expérience, plusieurs ont expliqué qu’elles venaient moins pour l’ordinateur que pour la présence de quelqu’un qui ne les juge pas. « Ici, on ne me demande pas pourquoi je ne sais pas faire », résume une femme d’une cinquantaine d’années, venue d’abord pour une déclaration de revenus, revenue ensuite chaque semaine. Le lieu numérique est devenu, pour elle, un lieu social au sens plein.',
  'Ces témoignages invitent à ne pas opposer trop vite l’outil et la relation. L’écran peut éloigner, mais il peut aussi servir de tiers : regarder ensemble la même page, chercher ensemble la bonne case, c’est une manière d’être côte à côte plutôt que face à face. Plusieurs professionnels ont décrit cette posture comme plus égalitaire que l’entretien classique, où le bureau sépare celui qui sait de celui qui demande.',
  'Reste la question de la gouvernance. Quand les décisions d’attribution d’une aide passent par un algorithme de pré-instruction, le travailleur social perd une part de sa capacité à plaider une situation singulière. Il peut encore expliquer, contester, accompagner un recours ; mais il le fait désormais face à une règle dont il ne connaît pas toujours le détail. Rendre ces règles lisibles, pour les professionnels comme pour les personnes, devient une exigence démocratique.',
  'Nous proposons, pour conclure, trois pistes. Former les équipes non seulement aux outils, mais à leurs effets sur la relation. Garder, dans chaque service, un accueil sans rendez-vous et sans écran, pour celles et ceux qui en ont besoin. Associer enfin les personnes accompagnées à l’évaluation des plateformes qu’on leur impose : elles en sont les premières expertes.',
];

const citation =
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"a1b2c3","properties":{"formattedCitation":"(Meyer, 2017)"},"citationItems":[{"id":42}]} </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>(Meyer, 2017)</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

const noteRef = (id: number) =>
  `<w:r><w:rPr><w:rStyle w:val="Appelnotedebasdep"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
const note = (id: number, text: string) =>
  `<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="Notedebasdepage"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Appelnotedebasdep"/></w:rPr><w:footnoteRef/></w:r>${r(` ${text}`)}</w:p></w:footnote>`;
const heading = (text: string) => `<w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr>${r(text)}</w:p>`;

const body = [
  `<w:p><w:pPr><w:pStyle w:val="Titre"/></w:pPr>${r('Le point numérique, un guichet devenu lieu de parole')}</w:p>`,
  heading('Un outil qui déplace la relation'),
  `<w:p>${r(PARAGRAPHS[0] ?? '')}${noteRef(1)}</w:p>`,
  p(PARAGRAPHS[1] ?? ''),
  `<w:p>${r(`${PARAGRAPHS[2] ?? ''} `)}${citation}${r('.')}</w:p>`,
  heading('Traduire plutôt que remplacer'),
  `<w:p>${r(PARAGRAPHS[3] ?? '')}${noteRef(2)}</w:p>`,
  p(PARAGRAPHS[4] ?? ''),
  p(PARAGRAPHS[5] ?? ''),
  p(PARAGRAPHS[6] ?? ''),
  p(PARAGRAPHS[7] ?? ''),
  '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>' +
    `<w:tr><w:tc>${p('Période')}</w:tc><w:tc>${p('Passages au point numérique')}</w:tc></w:tr>` +
    `<w:tr><w:tc>${p('2021')}</w:tc><w:tc>${p('1 240')}</w:tc></w:tr>` +
    `<w:tr><w:tc>${p('2022')}</w:tc><w:tc>${p('1 875')}</w:tc></w:tr></w:tbl>`,
  heading('Des règles à rendre lisibles'),
  p(PARAGRAPHS[8] ?? ''),
  p(PARAGRAPHS[9] ?? ''),
  p(PARAGRAPHS[10] ?? ''),
  p(PARAGRAPHS[11] ?? ''),
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
].join('');

const styles =
  '<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Titre"><w:name w:val="Title"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Notedebasdepage"><w:name w:val="footnote text"/></w:style>' +
  '<w:style w:type="character" w:styleId="Appelnotedebasdep"><w:name w:val="footnote reference"/></w:style>';

const footnotes =
  note(
    1,
    'Les prénoms et les lieux ont été modifiés ; les propos rapportés ont été relus par les personnes concernées.',
  ) + note(2, 'Sur l’illectronisme, voir le rapport d’information du Sénat n° 711 (2019-2020).');

const entries = docxEntries({
  body,
  styles,
  footnotes,
  settings: '<w:defaultTabStop w:val="708"/>',
  app: '<Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion><Words>916</Words><CharactersWithSpaces>5718</CharactersWithSpaces>',
  core: '<dc:title>Le point numérique</dc:title><dc:creator>Exemple</dc:creator>',
});

writeFileSync(new URL('../samples/manuscrit-exemple.docx', import.meta.url), await makeZip(entries));
console.log('samples/manuscrit-exemple.docx written');
