/**
 * Links that mislead: text that shows one address while the link goes to another, hosts that
 * imitate a well-known site (punycode, letters of several alphabets), a name hidden before "@",
 * plain http, and email links that add hidden copies or text. A lesson link is safe only if where
 * it goes is what it says; translators and authors who are not developers get plain messages.
 */

/** What a course allows beyond the defaults (course.yaml `links:`). */
export interface LinkPolicy {
  /** Hosts whose pages may be linked over plain http (they have no https). */
  httpHosts: ReadonlySet<string>;
  /** An English link → locale → the address of the same page in that language, on the same site. */
  localized: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** No exceptions: https only, and translations keep every link of the English lesson. */
export const STRICT_POLICY: LinkPolicy = { httpHosts: new Set(), localized: new Map() };

/** A host without a leading "www.", lower case, as browsers write it (punycode for other alphabets). */
export function siteOf(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/** Words of link text that read as a web address or domain (`example.org`, `https://…`) or an email address. */
export function addressesIn(text: string): { hosts: string[]; emails: string[] } {
  const hosts: string[] = [];
  const emails: string[] = [];
  for (const raw of text.split(/[\s()[\]<>"'«»“”‘’،,;]+/)) {
    // "mailto:a@b.org?subject=…" shows the address a@b.org.
    const word = raw
      .replace(/^mailto:/i, '')
      .replace(/\?.*$/, '')
      .replace(/[.:!?]+$/, '');
    if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(word) && !word.includes('/')) {
      emails.push(word.toLowerCase());
      continue;
    }
    if (!/^(https?:\/\/)?([\p{L}\p{N}-]+\.)+\p{L}{2,}(:\d+)?([/?#]\S*)?$/iu.test(word)) continue;
    try {
      hosts.push(siteOf(new URL(/^https?:\/\//i.test(word) ? word : `https://${word}`).hostname));
    } catch {
      // Not an address after all.
    }
  }
  return { hosts, emails };
}

const imitation = (href: string, host: string) =>
  `the address "${href}" goes to "${host}", a name written in a coded form (xn--) or with letters of other alphabets, which can imitate a well-known site: link to the site's usual address in Latin letters`;

/** Why an https or http link misleads, or undefined. */
function webProblem(href: string, text: string, policy: LinkPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    if (/(^|[/.@])xn--/i.test(href)) return imitation(href, /^[a-z]+:\/\/([^/?#]*)/i.exec(href)?.[1] ?? href);
    return `"${href}" is not a web address that works`;
  }
  if (url.username || url.password)
    return `the address "${href}" has a name and "@" before the site: such a link can hide where it really goes (it goes to ${url.hostname}). Write the site's address without the part before "@"`;
  const host = url.hostname.toLowerCase();
  if (host.split('.').some((label) => label.startsWith('xn--'))) return imitation(href, host);
  if (url.protocol === 'http:' && !policy.httpHosts.has(siteOf(host)))
    return `the address "${href}" starts with http://, which anyone on the network can change: use https:// (or, if the site has no https, list "${siteOf(host)}" under links: allow_http in course.yaml)`;
  const { hosts, emails } = addressesIn(text);
  const shown = hosts.find((shownHost) => shownHost !== siteOf(host));
  if (shown)
    return `the link text shows "${shown}" but the link goes to "${siteOf(host)}": make the text name the place the link really goes`;
  if (emails.length > 0)
    return `the link text shows the email address "${emails[0]}" but the link goes to the web page "${href}"`;
  return undefined;
}

/** Why a mailto: link misleads, or undefined: one address, and nothing but a subject. */
function mailProblem(href: string, text: string): string | undefined {
  const [to = '', query = ''] = href.slice('mailto:'.length).split('?', 2);
  let address: string;
  try {
    address = decodeURIComponent(to).toLowerCase();
  } catch {
    return `"${href}" is not an email address that works`;
  }
  if (!/^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/.test(address))
    return `an email link must have exactly one email address after "mailto:" (found "${to}")`;
  const fields = new URLSearchParams(query);
  const other = [...fields.keys()].find((key) => key.toLowerCase() !== 'subject');
  if (other)
    return `the email link adds "${other}=": an email link may only give the address and a subject, so that nothing is copied or written for the reader unseen`;
  const { hosts, emails } = addressesIn(text);
  const shown = emails.find((email) => email !== address);
  if (shown) return `the link text shows "${shown}" but the email goes to "${address}"`;
  if (hosts.length > 0 && !emails.length)
    return `the link text shows "${hosts[0]}" but the link writes an email to "${address}"`;
  return undefined;
}

/**
 * Why a link with this target and this visible text misleads a reader, or undefined. `href` is
 * a link that is otherwise allowed (see links.ts).
 */
export function deceptiveLink(href: string, text: string, policy: LinkPolicy): string | undefined {
  if (/^mailto:/i.test(href)) return mailProblem(href, text);
  if (/^https?:/i.test(href)) return webProblem(href, text, policy);
  // A lesson or glossary link: its text must not pretend to be an address.
  const { hosts, emails } = addressesIn(text);
  const shown = hosts[0] ?? emails[0];
  return shown
    ? `the link text shows "${shown}" but the link opens a page of this app: write the text as words`
    : undefined;
}
