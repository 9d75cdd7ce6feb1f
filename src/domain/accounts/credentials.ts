import type { Message } from '../shared/message.js';

/**
 * Rules on what people type to sign in. Passwords follow NIST SP 800-63B and OWASP ASVS: a length,
 * no composition rules, any character (a sentence is a good password), no forced expiry.
 */
export const PASSWORD_MIN = 12;
/** Long enough for any passphrase; short enough that hashing cannot be used to tie up the server. */
export const PASSWORD_MAX = 256;

export function passwordProblem(password: string, email: string): Message | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) {
    return {
      fr: `Le mot de passe doit compter au moins ${PASSWORD_MIN} caractères (une phrase facile à retenir convient très bien).`,
      en: `The password must be at least ${PASSWORD_MIN} characters long (an easy-to-remember sentence is fine).`,
    };
  }
  if (length > PASSWORD_MAX) {
    return {
      fr: `Le mot de passe doit compter au plus ${PASSWORD_MAX} caractères.`,
      en: `The password must be at most ${PASSWORD_MAX} characters long.`,
    };
  }
  if (password.trim().toLowerCase() === email.trim().toLowerCase() || /^(.)\1*$/u.test(password)) {
    return {
      fr: 'Ce mot de passe est trop facile à deviner : choisissez-en un autre.',
      en: 'This password is too easy to guess: choose another one.',
    };
  }
  return null;
}

/** One spelling per address: accounts are looked up by it, so case and spaces must not matter. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** A plausible address (the invitation letter is the real test). */
export function looksLikeEmail(email: string): boolean {
  return /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(email) && email.length <= 254;
}

/** A six-digit code as people type it: spaces and hyphens (« 123 456 ») are allowed. */
export function cleanTotpCode(code: string): string | null {
  const digits = code.replace(/[\s\-\u00a0\u202f]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** « ABCD EFGH IJKL … »: a secret typed by hand is easier to check in groups of four. */
export function groupByFour(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
