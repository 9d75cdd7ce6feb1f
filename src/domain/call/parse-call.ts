import type { z } from 'zod';
import { AppError } from '../shared/errors.js';
import type { Message } from '../shared/message.js';
import { msg, quoteFr } from '../shared/typography.js';
import { CALL_FIELDS, childKeys } from './call-fields.js';
import { type Call, callSchema } from './schema.js';

/**
 * Validates call data (already parsed from YAML or JSON by the adapter) and turns zod's issues
 * into sentences for the person who edits the file: which field, what is wrong, how to fix it.
 */

export interface CallProblem {
  /** Where, as a person finds it in the file: "deadline.date", "axes[2].title" (lists count from 1). */
  field: string;
  message: Message;
  fix: Message;
}

export type CallValidation =
  | { ok: true; call: Call }
  | { ok: false; problems: CallProblem[]; error: AppError };

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export function validateCall(data: unknown): CallValidation {
  const parsed = callSchema.safeParse(data);
  if (parsed.success) return { ok: true, call: parsed.data };
  const problems = parsed.error.issues.flatMap((issue) => describe(issue, data));
  const fields = [...new Set(problems.map((p) => p.field))].join(', ');
  return { ok: false, problems, error: new AppError('CALL_INVALID', { detail: fields }) };
}

/** "axes[].title" (to look up the field) and "axes[2].title" (to show it). */
function keyOf(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? '[]' : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function shownOf(path: Path): string {
  const text = path
    .map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
  return text === '' ? '(racine / top level)' : text;
}

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function hint(path: Path): Message {
  return CALL_FIELDS[keyOf(path)] ?? { fr: 'une valeur valide', en: 'a valid value' };
}

function typeName(value: unknown): Message {
  if (value === null) return { fr: 'une valeur vide (null)', en: 'an empty value (null)' };
  if (Array.isArray(value)) return { fr: 'une liste', en: 'a list' };
  switch (typeof value) {
    case 'string':
      return { fr: 'un texte', en: 'a text' };
    case 'number':
      return { fr: 'un nombre', en: 'a number' };
    case 'boolean':
      return { fr: 'true ou false', en: 'true or false' };
    case 'object':
      return { fr: 'un groupe de champs', en: 'a group of fields' };
    default:
      return { fr: 'une valeur', en: 'a value' };
  }
}

function problem(path: Path, fr: string, en: string, fixFr: string, fixEn: string): CallProblem {
  return { field: shownOf(path), message: msg(fr, en), fix: msg(fixFr, fixEn) };
}

function describe(issue: Issue, data: unknown): CallProblem[] {
  const path = issue.path;
  const f = shownOf(path);
  const h = hint(path);
  const value = valueAt(data, path);
  if (path.length === 0 && issue.code === 'invalid_type') return [notAnObject(value)];
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) {
        return [
          problem(
            path,
            `Le champ ${quoteFr(f)} manque.`,
            `The field “${f}” is missing.`,
            `Ajoutez ${quoteFr(f)} : ${h.fr}.`,
            `Add “${f}”: ${h.en}.`,
          ),
        ];
      }
      return [
        problem(
          path,
          `Le champ ${quoteFr(f)} contient ${typeName(value).fr}, ce n’est pas ce qui est attendu.`,
          `The field “${f}” holds ${typeName(value).en}, which is not what is expected.`,
          `Écrivez pour ${quoteFr(f)} : ${h.fr}.`,
          `Write for “${f}”: ${h.en}.`,
        ),
      ];
    case 'too_small':
    case 'too_big':
      return [bounds(issue, path, value)];
    case 'invalid_format':
    case 'invalid_union':
      return [
        problem(
          path,
          `Le champ ${quoteFr(f)} n’a pas le format attendu.`,
          `The field “${f}” is not in the expected format.`,
          `Écrivez pour ${quoteFr(f)} : ${h.fr}.`,
          `Write for “${f}”: ${h.en}.`,
        ),
      ];
    case 'invalid_value': {
      const values = issue.values.map(String).join(', ');
      return [
        problem(
          path,
          `La valeur ${quoteFr(String(value))} n’est pas possible pour ${quoteFr(f)}.`,
          `The value “${String(value)}” is not allowed for “${f}”.`,
          `Valeurs possibles : ${values}.`,
          `Allowed values: ${values}.`,
        ),
      ];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(path, key));
    case 'custom': {
      const p = issue.params as { fr?: string; en?: string; fixFr?: string; fixEn?: string } | undefined;
      return [
        problem(
          path,
          `Le champ ${quoteFr(f)} est invalide : ${p?.fr ?? issue.message}.`,
          `The field “${f}” is invalid: ${p?.en ?? issue.message}.`,
          p?.fixFr ?? `Écrivez pour ${quoteFr(f)} : ${h.fr}.`,
          p?.fixEn ?? `Write for “${f}”: ${h.en}.`,
        ),
      ];
    }
    default:
      return [
        problem(
          path,
          `Le champ ${quoteFr(f)} est invalide.`,
          `The field “${f}” is invalid.`,
          `Écrivez pour ${quoteFr(f)} : ${h.fr}.`,
          `Write for “${f}”: ${h.en}.`,
        ),
      ];
  }
}

function notAnObject(value: unknown): CallProblem {
  const found = value === undefined ? { fr: 'rien', en: 'nothing' } : typeName(value);
  return problem(
    [],
    `Le fichier d’appel doit décrire l’appel champ par champ (journal, issue, theme…) ; il contient ${found.fr}.`,
    `The call file must describe the call field by field (journal, issue, theme…); it holds ${found.en}.`,
    'Partez du modèle écrit par « appel call new », ou de l’appel par défaut affiché par « appel call show ».',
    'Start from the template written by “appel call new”, or from the default call printed by “appel call show”.',
  );
}

function bounds(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  path: Path,
  value: unknown,
): CallProblem {
  const f = shownOf(path);
  const h = hint(path);
  const small = issue.code === 'too_small';
  const limit = String(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string' && small && typeof value === 'string' && value.trim() === '') {
    return problem(
      path,
      `Le champ ${quoteFr(f)} est vide.`,
      `The field “${f}” is empty.`,
      `Écrivez ${h.fr}.`,
      `Write ${h.en}.`,
    );
  }
  if (issue.origin === 'array') {
    return problem(
      path,
      `La liste ${quoteFr(f)} doit avoir ${small ? 'au moins' : 'au plus'} ${limit} élément(s).`,
      `The list “${f}” must have ${small ? 'at least' : 'at most'} ${limit} item(s).`,
      `Écrivez pour ${quoteFr(f)} : ${h.fr}.`,
      `Write for “${f}”: ${h.en}.`,
    );
  }
  return problem(
    path,
    `Le champ ${quoteFr(f)} vaut ${String(value)}, ${small ? 'moins que le minimum' : 'plus que le maximum'} (${limit}).`,
    `The field “${f}” is ${String(value)}, ${small ? 'below the minimum' : 'above the maximum'} (${limit}).`,
    `Écrivez pour ${quoteFr(f)} : ${h.fr}.`,
    `Write for “${f}”: ${h.en}.`,
  );
}

function unknownKey(path: Path, key: string): CallProblem {
  const full = [...path, key];
  const where = path.length === 0 ? '' : keyOf(path);
  const meant = closest(key, childKeys(where));
  const f = shownOf(full);
  return problem(
    full,
    `Le champ ${quoteFr(f)} est inconnu.`,
    `The field “${f}” is unknown.`,
    meant
      ? `Vérifiez l’orthographe : vouliez-vous écrire ${quoteFr(meant)} ?`
      : 'Retirez ce champ, ou vérifiez où il est placé dans le fichier.',
    meant
      ? `Check the spelling: did you mean “${meant}”?`
      : 'Remove this field, or check where it sits in the file.',
  );
}

/** The known key nearest to a misspelt one, if close enough to be the one meant. */
function closest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
