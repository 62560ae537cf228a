/**
 * The one rule for every address an author can make a link of (report.mdx links, link definitions,
 * YAML fields that hold an address): web pages (https:, http:), email (mailto:), telephone (tel:),
 * paths on this site and #anchors. Nothing else, so no link can run code in a reader's browser or
 * PDF viewer (javascript:, vbscript:, data:, file:, or a scheme we do not know).
 *
 * The checks report what this rejects, and both renderers (page and PDF) drop such a link and keep
 * its words, so nothing unsafe is published even if a check were bypassed.
 */
import { parseEntities } from 'parse-entities';

const ALLOWED_SCHEMES = new Set(['https', 'http', 'mailto', 'tel']);

/** What the fix is, in the words of a hint. */
export const LINK_POLICY_HINT = 'a link may go to a web page (https://…), an email address (mailto:…), a phone number (tel:…), a page of this site (/…) or a part of this page (#…); correct the address or remove the link';

/**
 * The address as a browser would read its scheme: character references and percent-encoding
 * decoded (repeatedly, for double encoding), whitespace and control characters removed anywhere
 * (browsers drop tabs and new lines inside a URL), backslashes read as slashes, lower case.
 */
function normalised(url: string): string {
  let value = url;
  for (let round = 0; round < 5; round += 1) {
    const decoded = parseEntities(value).replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (decoded === value) break;
    value = decoded;
  }
  return value.replace(/[\s\u0000-\u001f\u007f-\u009f\u200b-\u200d\ufeff]/g, '').replace(/\\/g, '/').toLowerCase();
}

/**
 * Why an address may not be a link, in plain words, or undefined when it may. "the address" is
 * where the caller says what it is ("the link to …", "website …").
 */
export function unsafeLinkReason(url: string): string | undefined {
  const address = normalised(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(address)?.[1];
  if (scheme !== undefined) return ALLOWED_SCHEMES.has(scheme) ? undefined : `starts with "${scheme}:", which is not a kind of address a link may go to`;
  // "//host/…" leaves the site without saying how: only https: and http: addresses may do that.
  if (address.startsWith('//')) return 'starts with "//": an address on another site must start with https://';
  return undefined;
}

/** What a check says about a link to this address, or undefined when it may be published. */
export function unsafeLinkMessage(url: string): string | undefined {
  const reason = unsafeLinkReason(url);
  return reason && `the link to "${shownAddress(url)}" is not allowed: its address ${reason}`;
}

/** Whether a link to this address may be published. */
export const isSafeLink = (url: string): boolean => unsafeLinkReason(url) === undefined;

/** The address as printed in a message: short, and on one line. */
export function shownAddress(url: string): string {
  const line = url.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
