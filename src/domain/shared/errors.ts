import type { Message } from './message.js';
import { frenchTypography } from './typography.js';

/**
 * The project's error codes, each with the sentence a person reads and how to fix it.
 * Errors carry codes, never HTTP statuses: the HTTP edge maps codes to statuses in one table.
 * Add new codes here; keep the wording plain and say what to do.
 */
export const ERRORS = {
  FILE_EMPTY: {
    fr: 'Le fichier est vide.',
    en: 'The file is empty.',
    fixFr: 'Enregistrez de nouveau votre manuscrit dans Word, puis renvoyez-le.',
    fixEn: 'Save your manuscript again in Word, then send it again.',
  },
  FILE_TOO_LARGE: {
    fr: 'Le fichier est trop volumineux pour être lu ({size} octets, maximum {max}).',
    en: 'The file is too large to read ({size} bytes, at most {max}).',
    fixFr: 'Retirez les images ou envoyez-les à part, puis renvoyez le fichier Word.',
    fixEn: 'Remove the pictures or send them separately, then send the Word file again.',
  },
  FILE_UNREADABLE: {
    fr: 'Le fichier n’a pas pu être lu.',
    en: 'The file could not be read.',
    fixFr:
      'Vérifiez que le fichier s’ouvre dans Word, enregistrez-le de nouveau au format .docx et renvoyez-le.',
    fixEn: 'Check that the file opens in Word, save it again as .docx and send it again.',
  },
  NOT_A_WORD_FILE: {
    fr: 'Ce fichier n’est pas un fichier Word : c’est {kind}.',
    en: 'This file is not a Word file: it is {kindEn}.',
    fixFr:
      'Ouvrez votre texte dans Word (ou LibreOffice) et choisissez « Enregistrer sous » > « Document Word (.docx) », puis envoyez ce fichier .docx.',
    fixEn:
      'Open your text in Word (or LibreOffice), choose “Save as” > “Word Document (.docx)”, and send that .docx file.',
  },
  FORMAT_NOT_ACCEPTED: {
    fr: 'Ce format ({kind}) n’est pas accepté pour cet appel.',
    en: 'This format ({kind}) is not accepted for this call.',
    fixFr: 'Enregistrez votre texte au format Word (.docx) et renvoyez-le.',
    fixEn: 'Save your text as a Word document (.docx) and send it again.',
  },
  ENCRYPTED: {
    fr: 'Ce fichier est protégé par un mot de passe : il ne peut pas être lu.',
    en: 'This file is protected by a password: it cannot be read.',
    fixFr:
      'Dans Word, ouvrez « Fichier » > « Informations » > « Protéger le document », retirez le mot de passe, enregistrez et renvoyez le fichier.',
    fixEn:
      'In Word, open “File” > “Info” > “Protect Document”, remove the password, save and send the file again.',
  },
  ZIP_INVALID: {
    fr: 'Le fichier est endommagé (archive illisible : {detail}).',
    en: 'The file is damaged (unreadable archive: {detail}).',
    fixFr:
      'Ouvrez le fichier dans Word ; s’il s’ouvre, enregistrez-le de nouveau au format .docx et renvoyez-le.',
    fixEn: 'Open the file in Word; if it opens, save it again as .docx and send it again.',
  },
  ZIP_TOO_MANY_ENTRIES: {
    fr: 'Le fichier contient trop d’éléments ({count}, maximum {max}).',
    en: 'The file holds too many parts ({count}, at most {max}).',
    fixFr: 'Enregistrez votre texte dans un nouveau document Word, sans objets incorporés, puis renvoyez-le.',
    fixEn: 'Save your text in a new Word document, without embedded objects, and send it again.',
  },
  ZIP_BOMB: {
    fr: 'Le fichier se décompresse de façon anormale (taux {ratio} pour 1, maximum {max}) : il n’a pas été lu.',
    en: 'The file decompresses abnormally (ratio {ratio} to 1, at most {max}): it was not read.',
    fixFr: 'Enregistrez votre texte dans un nouveau document Word et renvoyez-le.',
    fixEn: 'Save your text in a new Word document and send it again.',
  },
  PART_TOO_LARGE: {
    fr: 'Une partie du fichier ({part}) dépasse la taille lue ({max} octets).',
    en: 'A part of the file ({part}) is larger than we read ({max} bytes).',
    fixFr:
      'Un manuscrit de cette taille dépasse de loin la longueur de l’appel : envoyez un texte plus court, ou écrivez à la rédaction.',
    fixEn:
      'A manuscript this large is far beyond the call’s length: send a shorter text, or write to the editors.',
  },
  UNCOMPRESSED_TOO_LARGE: {
    fr: 'Le fichier décompressé serait trop volumineux ({size} octets, maximum {max}).',
    en: 'The file would be too large once decompressed ({size} bytes, at most {max}).',
    fixFr: 'Retirez les images ou objets incorporés, puis renvoyez le fichier.',
    fixEn: 'Remove the pictures or embedded objects, then send the file again.',
  },
  XML_DOCTYPE: {
    fr: 'Le fichier contient une déclaration DOCTYPE, refusée par sécurité.',
    en: 'The file contains a DOCTYPE declaration, refused for safety.',
    fixFr: 'Ouvrez le fichier dans Word, enregistrez-le de nouveau au format .docx et renvoyez-le.',
    fixEn: 'Open the file in Word, save it again as .docx and send it again.',
  },
  XML_TOO_DEEP: {
    fr: 'La structure du fichier est trop profonde ({depth} niveaux, maximum {max}).',
    en: 'The file’s structure is too deep ({depth} levels, at most {max}).',
    fixFr: 'Enregistrez votre texte dans un nouveau document Word et renvoyez-le.',
    fixEn: 'Save your text in a new Word document and send it again.',
  },
  XML_MALFORMED: {
    fr: 'Le fichier est endommagé (XML invalide dans {part} : {detail}).',
    en: 'The file is damaged (invalid XML in {part}: {detail}).',
    fixFr:
      'Ouvrez le fichier dans Word ; s’il s’ouvre, enregistrez-le de nouveau au format .docx et renvoyez-le.',
    fixEn: 'Open the file in Word; if it opens, save it again as .docx and send it again.',
  },
  TIMEOUT: {
    fr: 'La lecture du fichier a pris trop de temps (plus de {seconds} s) et a été arrêtée.',
    en: 'Reading the file took too long (over {seconds} s) and was stopped.',
    fixFr:
      'Enregistrez votre texte dans un nouveau document Word et renvoyez-le ; si le problème persiste, écrivez à la rédaction.',
    fixEn: 'Save your text in a new Word document and send it again; if it persists, write to the editors.',
  },
  DOCX_NO_DOCUMENT: {
    fr: 'Le fichier ressemble à un document Word mais ne contient pas de texte principal.',
    en: 'The file looks like a Word document but holds no main text.',
    fixFr: 'Ouvrez le fichier dans Word, enregistrez-le de nouveau au format .docx et renvoyez-le.',
    fixEn: 'Open the file in Word, save it again as .docx and send it again.',
  },
  ODT_NO_CONTENT: {
    fr: 'Le fichier ressemble à un document LibreOffice (.odt) mais ne contient pas de texte.',
    en: 'The file looks like a LibreOffice document (.odt) but holds no text.',
    fixFr: 'Ouvrez le fichier dans LibreOffice, enregistrez-le de nouveau (.odt ou .docx) et renvoyez-le.',
    fixEn: 'Open the file in LibreOffice, save it again (.odt or .docx) and send it again.',
  },
  ODT_ENCRYPTED: {
    fr: 'Ce document LibreOffice est protégé par un mot de passe : il ne peut pas être lu.',
    en: 'This LibreOffice document is protected by a password: it cannot be read.',
    fixFr:
      'Dans LibreOffice, choisissez « Fichier » > « Enregistrer sous », décochez « Enregistrer avec mot de passe », enregistrez et renvoyez le fichier.',
    fixEn:
      'In LibreOffice, choose “File” > “Save As”, untick “Save with password”, save and send the file again.',
  },
  DOC_UNREADABLE: {
    fr: 'Ce document Word ancien format (.doc) n’a pas pu être lu ({detail}).',
    en: 'This old-format Word document (.doc) could not be read ({detail}).',
    fixFr:
      'Ouvrez-le dans Word ou LibreOffice, choisissez « Enregistrer sous » > « Document Word (.docx) » et envoyez ce fichier .docx.',
    fixEn:
      'Open it in Word or LibreOffice, choose “Save as” > “Word Document (.docx)”, and send that .docx file.',
  },
  DOC_TOO_OLD: {
    fr: 'Ce document a été enregistré dans un format Word trop ancien (Word 6 ou Word 95) pour être lu.',
    en: 'This document was saved in a Word format too old to read (Word 6 or Word 95).',
    fixFr:
      'Ouvrez-le dans Word ou LibreOffice, choisissez « Enregistrer sous » > « Document Word (.docx) » et envoyez ce fichier .docx.',
    fixEn:
      'Open it in Word or LibreOffice, choose “Save as” > “Word Document (.docx)”, and send that .docx file.',
  },
  CALL_INVALID: {
    fr: 'Le fichier d’appel n’est pas valide : {detail}',
    en: 'The call file is not valid: {detail}',
    fixFr: 'Corrigez le fichier d’appel à l’endroit indiqué, puis relancez la commande.',
    fixEn: 'Correct the call file where indicated, then run the command again.',
  },
  DATABASE_UNREACHABLE: {
    fr: 'La base de données ne répond pas ({target}).',
    en: 'The database does not answer ({target}).',
    fixFr:
      'Vérifiez que PostgreSQL tourne et que DATABASE_URL est juste ; sans DATABASE_URL, appel utilise SQLite dans le dossier de données.',
    fixEn:
      'Check that PostgreSQL is running and that DATABASE_URL is right; without DATABASE_URL, appel uses SQLite in the data folder.',
  },
  DATABASE_MIGRATION_FAILED: {
    fr: 'La mise à jour de la base de données a échoué à l’étape {migration} : {detail}',
    en: 'Updating the database failed at step {migration}: {detail}',
    fixFr:
      'Rien n’a été modifié pour cette étape. Sauvegardez le dossier de données, corrigez la cause indiquée, puis relancez « appel db migrate ».',
    fixEn:
      'Nothing was changed for that step. Back up the data folder, fix the cause shown, then run “appel db migrate” again.',
  },
  DATA_DIR_UNUSABLE: {
    fr: 'Le dossier de données {dir} n’est pas utilisable ({detail}).',
    en: 'The data folder {dir} cannot be used ({detail}).',
    fixFr:
      'Vérifiez que ce dossier existe et qu’il est accessible en écriture, ou choisissez-en un autre avec --data DOSSIER ou APPEL_DATA.',
    fixEn:
      'Check that the folder exists and can be written to, or choose another one with --data DIR or APPEL_DATA.',
  },
  SUBMISSION_DUPLICATE: {
    fr: 'Cette proposition est déjà enregistrée : le même envoi a été reçu deux fois.',
    en: 'This submission is already recorded: the same sending arrived twice.',
    fixFr: 'Rien à faire : le premier envoi est conservé.',
    fixEn: 'Nothing to do: the first sending is kept.',
  },
  SUBMISSION_NOT_FOUND: {
    fr: 'Aucune proposition ne porte l’identifiant {id}.',
    en: 'No submission has the identifier {id}.',
    fixFr: 'Vérifiez l’identifiant (il figure dans l’accusé de réception) et réessayez.',
    fixEn: 'Check the identifier (it is in the receipt) and try again.',
  },
  SUBMISSION_DECIDED: {
    fr: 'La décision sur cette proposition est définitive : le fichier n’a pas été ajouté.',
    en: 'The decision on this submission is final: the file was not added.',
    fixFr: 'Pour toute question sur cette décision, écrivez aux coordinateurs du dossier.',
    fixEn: 'For any question about this decision, write to the issue coordinators.',
  },
  STALE_UPDATE: {
    fr: 'Cette proposition a été modifiée entre-temps (version {expected} attendue, version {actual} enregistrée) : rien n’a été changé.',
    en: 'This submission was changed in the meantime (version {expected} expected, version {actual} stored): nothing was changed.',
    fixFr: 'Rechargez la proposition, vérifiez ce qui a changé, puis recommencez.',
    fixEn: 'Reload the submission, check what changed, then try again.',
  },
  CALL_CHANGED: {
    fr: 'L’appel a été modifié au même moment depuis un autre poste : votre changement n’a pas été enregistré.',
    en: 'The call was changed at the same moment from elsewhere: your change was not saved.',
    fixFr: 'Rechargez la page de l’appel, vérifiez la date limite affichée, puis recommencez si besoin.',
    fixEn: 'Reload the call’s page, check the deadline shown, then try again if needed.',
  },
  CALL_AMBIGUOUS: {
    fr: 'Ce dossier de données contient plusieurs appels ({slugs}) : indiquez lequel avec --call FICHIER.',
    en: 'This data folder holds several calls ({slugs}): say which one with --call FILE.',
    fixFr:
      'Relancez la commande avec --call et le fichier de l’appel voulu ; sans --call, appel ne reprend l’appel enregistré que s’il est le seul.',
    fixEn:
      'Run the command again with --call and the file of the call you mean; without --call, appel uses the stored call only when it is the only one.',
  },
  PUBLIC_URL_MISSING: {
    fr: 'Les rappels portent un lien de suivi : il faut l’adresse publique du bureau, et APPEL_PUBLIC_URL est vide.',
    en: 'Reminders carry a follow-up link: the desk’s public address is needed, and APPEL_PUBLIC_URL is empty.',
    fixFr:
      'Indiquez l’adresse où les auteurs joignent le bureau, par exemple : APPEL_PUBLIC_URL=https://appel.ma-revue.fr npx appel remind',
    fixEn:
      'Give the address where authors reach the desk, for example: APPEL_PUBLIC_URL=https://appel.my-journal.org npx appel remind',
  },
  OUTBOX_DUPLICATE: {
    fr: 'Ce message est déjà dans la file d’envoi ({key}).',
    en: 'This message is already in the sending queue ({key}).',
    fixFr: 'Rien à faire : il ne sera envoyé qu’une fois.',
    fixEn: 'Nothing to do: it will be sent only once.',
  },
  STORED_FILE_MISSING: {
    fr: 'Le fichier {sha256} est introuvable dans le dossier de données.',
    en: 'The file {sha256} is missing from the data folder.',
    fixFr:
      'Restaurez le dossier « files » depuis une sauvegarde, ou demandez à l’auteur de renvoyer son fichier.',
    fixEn: 'Restore the “files” folder from a backup, or ask the author to send the file again.',
  },
  FILE_STORE_UNAVAILABLE: {
    fr: 'Le stockage des fichiers ({target}) n’a pas répondu comme prévu ({detail}) : rien n’a été enregistré.',
    en: 'The file storage ({target}) did not answer as expected ({detail}): nothing was recorded.',
    fixFr:
      'Réessayez dans quelques minutes. Si cela dure, vérifiez l’adresse, le compartiment et les droits d’accès (APPEL_S3_ENDPOINT, APPEL_S3_BUCKET, AWS_ACCESS_KEY_ID).',
    fixEn:
      'Try again in a few minutes. If it goes on, check the address, the bucket and the access rights (APPEL_S3_ENDPOINT, APPEL_S3_BUCKET, AWS_ACCESS_KEY_ID).',
  },
  ANONYMISE_NO_NAMES: {
    fr: 'Aucun nom d’auteur à retirer : la copie anonyme ne peut pas être préparée.',
    en: 'No author name to remove: the anonymised copy cannot be prepared.',
    fixFr: 'Indiquez le prénom et le nom de chaque auteur (par exemple --author « Éloïse Dupré »).',
    fixEn: 'Give each author’s given name and surname (for example --author "Éloïse Dupré").',
  },
  ANONYMISE_FORMAT: {
    fr: 'Seuls les fichiers .docx (Word) et .odt (LibreOffice) peuvent être anonymisés ; celui-ci est au format {format}.',
    en: 'Only .docx (Word) and .odt (LibreOffice) files can be anonymised; this one is {format}.',
    fixFr:
      'Ouvrez le fichier dans Word ou LibreOffice, choisissez « Enregistrer sous » et le format « Document Word (.docx) », puis recommencez.',
    fixEn:
      'Open the file in Word or LibreOffice, choose “Save as” and the “Word Document (.docx)” format, then try again.',
  },
  STORED_FILE_CORRUPTED: {
    fr: 'Le fichier {sha256} est altéré : son contenu ne correspond plus à son empreinte.',
    en: 'The file {sha256} is damaged: its content no longer matches its fingerprint.',
    fixFr:
      'Restaurez ce fichier depuis une sauvegarde, ou demandez à l’auteur de le renvoyer ; vérifiez aussi le disque.',
    fixEn: 'Restore this file from a backup, or ask the author to send it again; check the disk as well.',
  },
  CALL_FILE_NOT_FOUND: {
    fr: 'Le fichier d’appel {path} est introuvable.',
    en: 'The call file {path} cannot be found.',
    fixFr: 'Vérifiez le chemin du fichier, ou créez-en un avec « appel call new ».',
    fixEn: 'Check the file’s path, or create one with “appel call new”.',
  },
  CALL_FILE_SYNTAX: {
    fr: 'Le fichier d’appel {path} est mal écrit (ligne {line}) : {detail}',
    en: 'The call file {path} is badly written (line {line}): {detail}',
    fixFr:
      'Corrigez la ligne indiquée : en YAML, vérifiez l’indentation et les deux-points ; en JSON, les virgules et les guillemets.',
    fixEn:
      'Correct the line shown: in YAML, check the indentation and colons; in JSON, the commas and quotes.',
  },
  FILE_EXISTS: {
    fr: 'Le fichier {path} existe déjà : il n’a pas été remplacé.',
    en: 'The file {path} already exists: it was not replaced.',
    fixFr: 'Choisissez un autre nom, ou ajoutez --force pour le remplacer.',
    fixEn: 'Choose another name, or add --force to replace it.',
  },
  ILLEGAL_TRANSITION: {
    fr: 'Action impossible : « {action} » ne s’applique pas à une proposition à l’état « {from} ».',
    en: 'Action not possible: “{action}” does not apply to a submission that is “{from}”.',
    fixFr: 'Actions possibles à cet état : {allowed}.',
    fixEn: 'Actions possible at this stage: {allowed}.',
  },
  ACTION_NOT_ALLOWED: {
    fr: 'Action réservée : « {action} » ne peut pas être faite par {actor}.',
    en: 'Restricted action: “{action}” cannot be done by {actor}.',
    fixFr: 'Cette action revient à : {allowed}.',
    fixEn: 'This action is for: {allowed}.',
  },
  FIELDS_MISSING: {
    fr: 'La proposition ne peut pas passer à l’état « {to} » : il manque {missing}.',
    en: 'The submission cannot become “{to}”: missing {missing}.',
    fixFr: 'Complétez d’abord ces informations, puis recommencez.',
    fixEn: 'Complete this information first, then try again.',
  },
  USAGE: {
    fr: 'Commande incorrecte : {detail}',
    en: 'Wrong command: {detail}',
    fixFr: 'Lancez « appel --help » pour voir les commandes et leurs options.',
    fixEn: 'Run “appel --help” to see the commands and their options.',
  },
  MAIL_TOO_LARGE: {
    fr: 'Le message est trop volumineux pour être lu ({size} octets, maximum {max}) : il a été conservé tel quel.',
    en: 'The message is too large to read ({size} bytes, at most {max}): it was kept as it is.',
    fixFr:
      'Renvoyez votre manuscrit dans un nouveau message, avec le seul fichier Word en pièce jointe (sans images ni PDF).',
    fixEn:
      'Send your manuscript again in a new message, with only the Word file attached (no pictures or PDF).',
  },
  MAIL_TOO_MANY_PARTS: {
    fr: 'Le message contient trop de parties ({count}, maximum {max}) : seules les {max} premières ont été lues.',
    en: 'The message holds too many parts ({count}, at most {max}): only the first {max} were read.',
    fixFr: 'Renvoyez votre manuscrit dans un nouveau message, avec le seul fichier Word en pièce jointe.',
    fixEn: 'Send your manuscript again in a new message, with only the Word file attached.',
  },
  MAIL_HEADER_TOO_LARGE: {
    fr: 'Les en-têtes du message sont trop volumineux (maximum {max} octets) : seuls l’expéditeur, le sujet et les dates ont été lus.',
    en: 'The message’s headers are too large (at most {max} bytes): only the sender, subject and dates were read.',
    fixFr: 'Renvoyez votre manuscrit dans un nouveau message, écrit depuis votre messagerie habituelle.',
    fixEn: 'Send your manuscript again in a new message, written from your usual mail program.',
  },
  MAIL_TOO_DEEP: {
    fr: 'Le message est imbriqué trop profondément (plus de {max} niveaux) : son contenu n’a pas été lu.',
    en: 'The message is nested too deeply (over {max} levels): its content was not read.',
    fixFr:
      'Renvoyez votre manuscrit dans un nouveau message (pas en transfert d’un autre message), avec le fichier Word en pièce jointe.',
    fixEn:
      'Send your manuscript again in a new message (not forwarded inside another one), with the Word file attached.',
  },
  MAIL_UNREADABLE: {
    fr: 'Le message n’a pas pu être lu : il a été conservé tel quel.',
    en: 'The message could not be read: it was kept as it is.',
    fixFr: 'Renvoyez votre manuscrit dans un nouveau message, avec le fichier Word en pièce jointe.',
    fixEn: 'Send your manuscript again in a new message, with the Word file attached.',
  },
  MAILBOX_UNREADABLE: {
    fr: 'La boîte aux lettres {path} n’a pas pu être lue ({detail}).',
    en: 'The mailbox {path} could not be read ({detail}).',
    fixFr:
      'Vérifiez le chemin et les droits de lecture : un fichier .eml, un fichier mbox ou un dossier Maildir (avec cur/ et new/).',
    fixEn:
      'Check the path and the read permissions: an .eml file, an mbox file or a Maildir folder (with cur/ and new/).',
  },
  MBOX_TOO_MANY_MESSAGES: {
    fr: 'Le fichier {path} contient plus de {max} messages : la lecture s’est arrêtée là.',
    en: 'The file {path} holds more than {max} messages: reading stopped there.',
    fixFr:
      'Découpez le fichier en plusieurs, ou relancez l’import avec une limite plus haute (--max-messages).',
    fixEn: 'Split the file, or run the import again with a higher limit (--max-messages).',
  },
  IMAP_CONNECTION_FAILED: {
    fr: 'Le serveur de messagerie {host} n’a pas pu être joint ({detail}).',
    en: 'The mail server {host} could not be reached ({detail}).',
    fixFr: 'Vérifiez l’adresse du serveur, le port, l’identifiant et le mot de passe dans la configuration.',
    fixEn: 'Check the server’s address, port, user name and password in the configuration.',
  },
  IMAP_UIDVALIDITY_CHANGED: {
    fr: 'Le dossier {mailbox} a été renuméroté par le serveur (UIDVALIDITY {expected} devenu {actual}) : aucun message n’a été marqué.',
    en: 'The folder {mailbox} was renumbered by the server (UIDVALIDITY {expected} became {actual}): no message was flagged.',
    fixFr:
      'Relancez l’import : les messages déjà enregistrés seront reconnus par leur empreinte et ne seront pas dupliqués.',
    fixEn:
      'Run the import again: messages already recorded are recognised by their fingerprint and not duplicated.',
  },
  IMAP_KEYWORDS_UNSUPPORTED: {
    fr: 'Le dossier {mailbox} n’accepte pas le mot-clé {keyword} : appel ne peut pas y marquer les messages importés.',
    en: 'The folder {mailbox} does not accept the keyword {keyword}: appel cannot mark imported messages there.',
    fixFr:
      'Choisissez un dossier de destination pour les messages importés (option de déplacement), ou un autre serveur.',
    fixEn: 'Choose a destination folder for imported messages (the move option), or another server.',
  },
  MAIL_ADDRESS_INVALID: {
    fr: 'Une adresse électronique du message n’est pas valide ({field}) : le message n’a pas été envoyé.',
    en: 'An e-mail address of the message is not valid ({field}): the message was not sent.',
    fixFr:
      'Pour l’expéditeur, corrigez l’adresse de la revue dans la configuration ; pour un auteur, corrigez son adresse dans son dossier.',
    fixEn:
      'For the sender, correct the journal’s address in the configuration; for an author, correct the address in their file.',
  },
  MAIL_SEND_FAILED: {
    fr: 'L’envoi du message a échoué ({detail}) : il reste dans la file d’envoi et sera réessayé.',
    en: 'Sending the message failed ({detail}): it stays in the sending queue and will be tried again.',
    fixFr:
      'Rien n’est perdu. Si l’échec se répète, vérifiez le serveur SMTP de la configuration (adresse, port, identifiant, mot de passe).',
    fixEn:
      'Nothing is lost. If it keeps failing, check the SMTP server in the configuration (address, port, user name, password).',
  },
  OUTBOX_JOB_INVALID: {
    fr: 'La tâche d’envoi n° {id} ({kind}) est illisible : {detail}',
    en: 'Sending job no. {id} ({kind}) cannot be read: {detail}',
    fixFr:
      'La tâche est conservée. Signalez-la aux développeurs ; elle pourra être relancée une fois corrigée.',
    fixEn: 'The job is kept. Report it to the developers; it can be run again once corrected.',
  },
  MESSAGE_DUPLICATE: {
    fr: 'Ce message a déjà été reçu et traité (empreinte {sha256}) : il n’est pas traité une seconde fois.',
    en: 'This message was already received and handled (fingerprint {sha256}): it is not handled a second time.',
    fixFr: 'Rien à faire : le premier exemplaire est conservé, avec tout ce qu’il a produit.',
    fixEn: 'Nothing to do: the first copy is kept, with everything it produced.',
  },
} as const satisfies Record<string, { fr: string; en: string; fixFr: string; fixEn: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorParams = Record<string, string | number>;

/** `{kind}` takes `kindFr` in French and `kindEn` in English when given, else `kind`. */
function fill(template: string, params: ErrorParams, lang: 'fr' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[`${key}${lang === 'fr' ? 'Fr' : 'En'}`] ?? params[key];
    return value === undefined ? whole : String(value);
  });
}

/** An expected failure with a code: never a crash, always a sentence a person can act on. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code}: ${fill(ERRORS[code].en, params, 'en')}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  get text(): Message {
    return {
      fr: frenchTypography(fill(ERRORS[this.code].fr, this.params, 'fr')),
      en: fill(ERRORS[this.code].en, this.params, 'en'),
    };
  }

  get fix(): Message {
    return {
      fr: frenchTypography(fill(ERRORS[this.code].fixFr, this.params, 'fr')),
      en: fill(ERRORS[this.code].fixEn, this.params, 'en'),
    };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
