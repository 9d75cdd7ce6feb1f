import { createHash, randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';

/**
 * The random values behind one-time links and sessions, and the authenticator's codes (TOTP,
 * RFC 6238: SHA-1, six digits, 30 seconds, which every authenticator app understands).
 */

/** 256 random bits, fit for an address: the value given out; only its hash is stored. */
export function newSecretToken(): { value: string; hash: string } {
  const value = randomBytes(32).toString('base64url');
  return { value, hash: hashToken(value) };
}

export function hashToken(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A link's token as it may appear in an address: base64url, 43 characters. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

const PERIOD_MS = 30_000;

/** 160 random bits in base32, the size RFC 4226 recommends. */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads (as a QR code, or pasted). */
export function totpUri(secret: string, issuer: string, label: string): string {
  return new OTPAuth.TOTP({ issuer, label, secret: OTPAuth.Secret.fromBase32(secret) }).toString();
}

/**
 * The time step of a valid code, or null. One step either side is accepted (a phone's clock
 * drifts, a code typed just as it changes); the caller refuses a step already used.
 */
export function totpStep(secret: string, code: string, at: Date): number | null {
  let key: OTPAuth.Secret;
  try {
    key = OTPAuth.Secret.fromBase32(secret);
  } catch {
    return null;
  }
  const delta = OTPAuth.TOTP.validate({ token: code, secret: key, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : Math.floor(at.getTime() / PERIOD_MS) + delta;
}
