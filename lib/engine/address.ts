/**
 * Whether two addresses name the same article page: the same host (with or without `www.`)
 * and path (with or without a trailing slash), and the same query once tracking parameters
 * are left out. The fragment never matters.
 */
import { withoutTrailing } from './normalize';

/** Query parameters that say how a reader arrived, not which page they read. */
const TRACKING =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref|ref_src|cmpid|smid|ocid|icid|mkt_tok|share|s_cid)$/i;

/** The form two addresses of one page share, or undefined for what is not an http(s) address. */
export function comparableAddress(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const query = [...parsed.searchParams]
    .filter(([name]) => !TRACKING.test(name))
    .map(([name, value]) => `${name}=${value}`)
    .sort();
  const host = parsed.host.toLowerCase().replace(/^www\./, '');
  const path = withoutTrailing(parsed.pathname, '/');
  return `${host}${path}${query.length ? `?${query.join('&')}` : ''}`;
}

/** True when both are addresses of the same page. */
export function sameAddress(a: string | undefined, b: string | undefined): boolean {
  const x = comparableAddress(a);
  return x !== undefined && x === comparableAddress(b);
}
