/** Where the API key may be sent: the rule for `baseUrl`, applied again to every request URL. */
import { LoopsError } from './errors.js';

// Loopback exactly: `localhost`, 127.0.0.0/8 and [::1]. The URL parser has already normalised
// forms such as `127.1` or `0x7f.0.0.1`; look-alikes such as `127.0.0.1.evil.test` stay refused.
const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** url as it may be shown in a message: user name and password blanked out. */
export function showUrl(url: string): string {
  return url.replace(/^([a-z][\w+.-]*:\/\/)[^/?#]*@/i, '$1***@');
}

/** Why the key must not go to url (a request's or a base URL's), or undefined when it may. */
export function destinationProblem(url: URL): string | undefined {
  if (url.username || url.password) {
    return 'it carries a user name or password: the API key is the only credential, remove them';
  }
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && loopback.test(url.hostname)))) {
    return 'your key goes only to an https: URL (or http: on localhost)';
  }
  return undefined;
}

/** Throws a LoopsError, before anything is sent, unless the key may go to url. */
export function checkDestination(url: string): void {
  const problem = destinationProblem(new URL(url));
  if (problem) throw new LoopsError(`Refusing to send a request to ${showUrl(url)}: ${problem}. Nothing was sent.`);
}

/** Why baseUrl cannot be used, or undefined when it can. */
export function baseUrlProblem(baseUrl: string): string | undefined {
  if (!URL.canParse(baseUrl)) return 'your key goes only to an https: URL (or http: on localhost)';
  const problem = destinationProblem(new URL(baseUrl));
  if (problem) return problem;
  // Paths and query strings are appended to baseUrl as text, so these would end up mid-URL. The
  // text is what counts: a bare `?` or `#` leaves url.search and url.hash empty.
  if (/[?#]/.test(baseUrl)) {
    return 'it has a query (?…) or fragment (#…), which would break every request URL: give the base path only';
  }
  return undefined;
}
