/**
 * course.yaml `links:`: the exceptions a course makes to the link rules. `allow_http` names sites
 * that have no https; `localized` pairs an English link with the same page's address in another
 * language, on the same site, which a translation may use instead.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { isLocale, SOURCE_LOCALE } from '../shared/locales.ts';
import { type LinkPolicy, STRICT_POLICY, siteOf } from './link-trust.ts';

type At = (node: Node | null | undefined, message: string) => void;

const HOST = /^([a-z0-9-]+\.)+[a-z]{2,}$/;

/** The host of an https address, or undefined. */
function httpsHost(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('https://')) return undefined;
  try {
    const url = new URL(value);
    return url.username || url.password ? undefined : siteOf(url.hostname);
  } catch {
    return undefined;
  }
}

/** Reads `links:` of course.yaml; problems are reported where they stand. */
export function readLinkPolicy(node: Node | undefined, at: At): LinkPolicy {
  if (node === undefined) return STRICT_POLICY;
  if (!isMap(node)) {
    at(node, '"links" needs "allow_http" or "localized"');
    return STRICT_POLICY;
  }
  const httpHosts = new Set<string>();
  const localized = new Map<string, Map<string, string>>();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node;
    if (key === 'allow_http' && isSeq(value)) {
      for (const item of value.items) {
        const host = isScalar(item) ? String(item.value).toLowerCase() : '';
        if (HOST.test(host)) httpHosts.add(siteOf(host));
        else at(item as Node, `"${host}" is not a site name such as "example.org"`);
      }
    } else if (key === 'localized' && isSeq(value)) {
      for (const item of value.items) {
        if (!isMap(item) || !item.has(SOURCE_LOCALE)) {
          at(
            item as Node,
            `each localized link needs "${SOURCE_LOCALE}:" and the same page in other languages`,
          );
          continue;
        }
        const english = String((item.get(SOURCE_LOCALE, true) as Node & { value?: unknown })?.value ?? '');
        const site = httpsHost(english);
        if (!site) at(item.get(SOURCE_LOCALE, true) as Node, `"${english}" is not an https:// address`);
        const byLocale = localized.get(english) ?? new Map<string, string>();
        for (const entry of item.items) {
          const locale = isScalar(entry.key) ? String(entry.key.value) : '';
          if (locale === SOURCE_LOCALE) continue;
          const address = isScalar(entry.value) ? String(entry.value.value) : '';
          if (!isLocale(locale)) at(entry.key as Node, `"${locale}" is not a language of this app`);
          else if (httpsHost(address) === undefined || httpsHost(address) !== site)
            at(
              entry.value as Node,
              `"${address}" must be an https:// address on the same site as the English one (${site ?? english})`,
            );
          else byLocale.set(locale, address);
        }
        localized.set(english, byLocale);
      }
    } else {
      at(pair.key as Node, `"${key}" under "links" must be "allow_http" (a list) or "localized" (a list)`);
    }
  }
  return { httpHosts, localized };
}
