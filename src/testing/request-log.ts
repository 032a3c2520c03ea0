/** What the fake server records of each request (kept apart from the server, so that its types need no Node types). */

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Whether the request carried the expected bearer token (the token itself is never recorded). */
  authorized: boolean;
  /** `Date.now()` when the request arrived. */
  at: number;
  /** What the server did with it: `ok`, a fault's type, or why it refused, such as `invalid-limit`. */
  outcome: string;
}
