/**
 * Domains a catalog figure must never cite: aggregators and machine-written pages that copy or rewrite other
 * publications. A reader checking a figure should land on the filing, the company's release, the index
 * publisher or the manufacturer; a test keeps these out of every provenance and note.
 */
export const FORBIDDEN_SOURCE_DOMAINS: readonly string[] = [
  'unanswered.io',
  'salmoncrypto.com',
  'walaw.press',
  'gateapi.io',
  'tech4u.app',
];

/** Whether a URL's host is one of FORBIDDEN_SOURCE_DOMAINS or a subdomain of one. */
export function isForbiddenSource(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return FORBIDDEN_SOURCE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}
