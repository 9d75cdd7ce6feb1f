import { z } from 'zod';
import type { ManuscriptRules } from './manuscript-rules.js';

/**
 * The call for authors as data. A call file (YAML or JSON) is validated against this schema;
 * every object is strict, so that a misspelt key ("deadine") is reported instead of being
 * silently ignored and replaced by a default.
 *
 * Refinements carry their bilingual message in `params` (fr, en, fixFr, fixEn): parse-call.ts
 * turns them, like zod's own issues, into sentences that name the field and say how to fix it.
 */

/** A bilingual message written by hand in a refinement. */
function says(fr: string, en: string, fixFr: string, fixEn: string, path?: string[]) {
  return { message: en, params: { fr, en, fixFr, fixEn }, ...(path ? { path } : {}) };
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YAML 1.1 reader may hand us a Date for 2022-09-01; the call means a calendar day. */
function dateToIso(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}

function isCalendarDate(text: string): boolean {
  const m = LOCAL_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** A day in the call's own calendar (no time, no zone): "2022-09-01". */
export const localDateSchema = z.preprocess(
  dateToIso,
  z
    .string()
    .regex(LOCAL_DATE)
    .refine(
      isCalendarDate,
      says(
        'cette date n’existe pas dans le calendrier',
        'this date does not exist in the calendar',
        'Vérifiez le jour et le mois (format AAAA-MM-JJ, par exemple 2022-09-01).',
        'Check the day and the month (format YYYY-MM-DD, for example 2022-09-01).',
      ),
    ),
);

export const messageSchema = z.strictObject({ fr: z.string().trim().min(1), en: z.string().trim().min(1) });

export const axisSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().trim().min(1),
  summary: z.string().trim().min(1),
});

export const coordinatorSchema = z.strictObject({
  name: z.string().trim().min(1),
  role: z.string().trim().min(1),
  email: z.email(),
});

export const extensionSchema = z.strictObject({
  /** The new last day for submissions. */
  date: localDateSchema,
  /** The day the extension was decided: kept for the record, and to show the call's status as it was. */
  decidedOn: localDateSchema,
});

export const deadlineSchema = z
  .strictObject({
    /** The last day for submissions, inclusive: manuscripts are accepted until the end of that day. */
    date: localDateSchema,
    timeZone: z
      .string()
      .refine(
        isTimeZone,
        says(
          'ce fuseau horaire est inconnu',
          'this time zone is unknown',
          'Écrivez un fuseau de la base IANA, par exemple Europe/Paris ou Indian/Reunion.',
          'Write an IANA time zone, for example Europe/Paris or Indian/Reunion.',
        ),
      )
      .default('Europe/Paris'),
    /** Minutes of tolerance after the end of the day (mail in transit); not announced to authors. */
    graceMinutes: z.int().min(0).max(10080).default(0),
    extensions: z.array(extensionSchema).default([]),
  })
  .refine(
    (d) => d.extensions.every((e) => e.date > d.date),
    says(
      'une prolongation doit reporter la date limite après la date initiale',
      'an extension must move the deadline after the original date',
      'Donnez à chaque prolongation une date postérieure à « deadline.date ».',
      'Give each extension a date after “deadline.date”.',
      ['extensions'],
    ),
  );

const FORMATS = ['docx', 'docm', 'dotx', 'dotm', 'odt', 'doc'] as const;

export const manuscriptRulesSchema = z
  .strictObject({
    formats: z.array(z.enum(FORMATS)).min(1),
    minSignes: z.int().min(0),
    maxSignes: z.int().positive(),
    edgeMargin: z.number().min(0).max(0.2).default(0.01),
  })
  .refine(
    (m) => m.minSignes < m.maxSignes,
    says(
      'le minimum de signes doit être inférieur au maximum',
      'the minimum number of signes must be below the maximum',
      'Vérifiez « manuscript.minSignes » et « manuscript.maxSignes » (par exemple 5000 et 30000).',
      'Check “manuscript.minSignes” and “manuscript.maxSignes” (for example 5000 and 30000).',
      ['maxSignes'],
    ),
  );

// The schema must produce exactly the interface the manuscript checks use: a drift is a compile error.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const manuscriptShapeMatches: Same<z.output<typeof manuscriptRulesSchema>, ManuscriptRules> = true;
void manuscriptShapeMatches;

export const houseStyleCheckSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** reminder: shown to the author as is; avoid-text: flags each place where `pattern` matches. */
    kind: z.enum(['reminder', 'avoid-text']),
    label: messageSchema,
    pattern: z
      .string()
      .min(1)
      .refine(
        isRegExp,
        says(
          'cette expression régulière est invalide',
          'this regular expression is invalid',
          'Corrigez le motif (syntaxe des expressions régulières JavaScript).',
          'Correct the pattern (JavaScript regular expression syntax).',
        ),
      )
      .optional(),
    severity: z.enum(['info', 'warning']).default('info'),
  })
  .refine(
    (c) => c.kind !== 'avoid-text' || c.pattern !== undefined,
    says(
      'une vérification « avoid-text » a besoin d’un motif',
      'an “avoid-text” check needs a pattern',
      'Ajoutez « pattern » à cette vérification, ou changez son « kind » en « reminder ».',
      'Add “pattern” to this check, or change its “kind” to “reminder”.',
      ['pattern'],
    ),
  );

export const callSchema = z.strictObject({
  /** Version of this file format, for future migrations of call files. */
  version: z.literal(1).default(1),
  /** A stable identifier, e.g. "sociographe-81": how the records refer to this call. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  journal: z.string().trim().min(1),
  issue: z.union([z.int().positive(), z.string().trim().min(1)]),
  theme: z.string().trim().min(1),
  /** The call's argument in our own words (never a copy of the published text). */
  summary: z.string().trim().min(1),
  axes: z.array(axisSchema).default([]),
  coordinators: z.array(coordinatorSchema).min(1),
  publication: z.strictObject({ year: z.int().min(1900).max(2200), month: z.int().min(1).max(12) }),
  deadline: deadlineSchema,
  channels: z
    .strictObject({ email: z.email().optional(), web: z.url().optional() })
    .refine(
      (c) => c.email !== undefined || c.web !== undefined,
      says(
        'l’appel doit indiquer au moins un moyen de dépôt',
        'the call must give at least one way to submit',
        'Ajoutez « channels.email » (adresse de dépôt) ou « channels.web ».',
        'Add “channels.email” (submission address) or “channels.web”.',
      ),
    ),
  manuscript: manuscriptRulesSchema,
  /** Whether footnotes and endnotes count in the length window. */
  notesCount: z.boolean().default(true),
  contactDetails: z
    .strictObject({ phone: z.boolean().default(true), postalAddress: z.boolean().default(true) })
    .default({ phone: true, postalAddress: true }),
  authors: z
    .strictObject({
      naturalPersonsOnly: z.boolean().default(true),
      singleContact: z.boolean().default(true),
      order: z.enum(['alphabetical', 'as-given']).default('alphabetical'),
      /** The authors may ask for another order than `order` ("sauf contre-indication"). */
      authorsMayChooseOrder: z.boolean().default(true),
    })
    .default({
      naturalPersonsOnly: true,
      singleContact: true,
      order: 'alphabetical',
      authorsMayChooseOrder: true,
    }),
  consents: z
    .strictObject({ onlinePublication: z.boolean().default(true), freeOfCharge: z.boolean().default(true) })
    .default({ onlinePublication: true, freeOfCharge: true }),
  contract: z
    .strictObject({ required: z.boolean().default(true), terms: messageSchema.optional() })
    .default({ required: true }),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/))
    .min(1)
    .default(['fr']),
  houseStyle: z.array(houseStyleCheckSchema).default([]),
  /**
   * The letters appel sends on its own, beyond the answers to what authors send: `completion`,
   * the one reminder to an incomplete submission a week before the deadline (on by default).
   */
  reminders: z.strictObject({ completion: z.boolean().default(true) }).default({ completion: true }),
});

/** A call as the program uses it: every default filled in. */
export type Call = z.output<typeof callSchema>;
/** A call as a file may give it: defaults may be left out. */
export type CallInput = z.input<typeof callSchema>;
export type Axis = z.output<typeof axisSchema>;
export type Coordinator = z.output<typeof coordinatorSchema>;
export type CallDeadline = z.output<typeof deadlineSchema>;
export type Extension = z.output<typeof extensionSchema>;
export type HouseStyleCheck = z.output<typeof houseStyleCheckSchema>;
