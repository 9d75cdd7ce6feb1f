import { isIP } from 'node:net';
import { AppError } from '../../domain/shared/errors.js';

/** Fastify's `trustProxy` as the desk accepts it: off, every hop, or the proxies' addresses. */
export type TrustProxy = boolean | string[];

/** proxy-addr's names for ranges: 127.0.0.1/8 and ::1, 169.254.0.0/16 and fe80::/10, private ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * APPEL_TRUST_PROXY: whom the desk believes about the client's address (X-Forwarded-For), its
 * protocol and host. Off by default: a client reaching the desk directly could write any address
 * in the header. Best, the proxy's addresses or ranges, comma-separated (`127.0.0.1`, `10.0.0.0/8`,
 * `loopback`): the client is the address the last trusted proxy saw. `true` believes every hop,
 * down to the first address of X-Forwarded-For, which the client writes itself unless the proxy
 * replaces the header rather than adding to it.
 * A hop count is refused: given one, our Fastify (5.12) trusts nobody, as a count cannot tell
 * the proxy from a client that writes the header itself — every client would silently keep the
 * proxy's address.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || /^(false|off|no|0)$/i.test(text)) return false;
  if (/^(true|on|yes)$/i.test(text)) return true;
  if (/^\d+$/.test(text)) {
    throw usage(
      text,
      'un nombre de relais ne dit pas lequel croire ; donnez l’adresse du relais (127.0.0.1, 10.0.0.0/8…) ou true',
      'a hop count cannot tell the proxy from a client; give the proxy’s address (127.0.0.1, 10.0.0.0/8…) or true',
    );
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const wrong = entries.find((entry) => !isAddressOrRange(entry));
  if (wrong !== undefined) {
    throw usage(
      wrong,
      'ni une adresse IP, ni une plage (10.0.0.0/8), ni loopback, linklocal ou uniquelocal',
      'not an IP address, a range (10.0.0.0/8), loopback, linklocal or uniquelocal',
    );
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (family === 4 && isIP(prefix) === 4) return true; // a netmask: 10.0.0.0/255.0.0.0
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function usage(value: string, fr: string, en: string): AppError {
  return new AppError('USAGE', { detail: `APPEL_TRUST_PROXY « ${value} » : ${fr} / ${en}` });
}
