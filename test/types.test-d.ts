import { describe, expectTypeOf, it } from 'vitest';
import type { operationMetadata } from '../generated/operations.js';
import type { APIError, CheckoutSession, ListParams, Loops, Page, PagePromise, RawClient } from '../src/index.js';
import { cursorParam, statusValues } from './support/spec.js';

declare const loops: Loops;

/** The status values as generated/operations.ts lists them, read from the spec apart from the SDK's types. */
type SpecStatus = (typeof operationMetadata.listCheckoutSessions.query.status.enum)[number];
/** A string no status can be, whatever values the spec lists: each is a status with a suffix. */
declare const notAStatus: `${SpecStatus}-not-a-status`;

describe('list() parameters are the spec’s own types', () => {
  it('accepts the spec’s parameters', () => {
    expectTypeOf(loops.checkout.sessions.list).toBeCallableWith({
      status: statusValues[1],
      limit: 50,
      [cursorParam]: 'cs_test_1',
    });
    expectTypeOf(loops.checkout.sessions.list).toBeCallableWith();
    expectTypeOf<ListParams['status']>().toEqualTypeOf<SpecStatus | undefined>();
  });

  it('refuses a status the spec does not list', () => {
    // @ts-expect-error a status with a suffix is not a status of the spec
    void loops.checkout.sessions.list({ status: notAStatus });
  });

  it("does not bound limit: the spec's range is checked when the call runs, as README says", () => {
    expectTypeOf(loops.checkout.sessions.list).toBeCallableWith({ limit: 500 });
  });

  it('refuses a limit given as a string', () => {
    // @ts-expect-error limit is an integer
    void loops.checkout.sessions.list({ limit: '10' });
  });

  it('refuses an unknown parameter', () => {
    // @ts-expect-error limt is not a parameter
    void loops.checkout.sessions.list({ limt: 10 });
  });

  it('refuses an unknown request option', () => {
    // @ts-expect-error retries is not an option (maxRetries is)
    void loops.checkout.sessions.list({}, { retries: 3 });
  });
});

describe('results carry the spec’s nullability', () => {
  it('types the page and its sessions', () => {
    expectTypeOf(loops.checkout.sessions.list()).toEqualTypeOf<PagePromise>();
    expectTypeOf<Awaited<PagePromise>>().toEqualTypeOf<Page>();
    expectTypeOf<Page['data']>().toEqualTypeOf<CheckoutSession[]>();
    expectTypeOf<Page['has_more']>().toEqualTypeOf<boolean>();
    expectTypeOf<Page['requestId']>().toEqualTypeOf<string | null>();
    expectTypeOf<Page['getNextPage']>().returns.toEqualTypeOf<Promise<Page>>();
  });

  it('has session.customer as string | null, as Stripe does', () => {
    expectTypeOf<CheckoutSession['customer']>().toEqualTypeOf<string | null>();
    expectTypeOf<CheckoutSession['amount_total']>().toEqualTypeOf<number | null>();
    expectTypeOf<CheckoutSession['expires_at']>().toEqualTypeOf<number>();
    expectTypeOf<CheckoutSession['mode']>().toEqualTypeOf<'payment' | 'subscription' | 'setup'>();
    expectTypeOf<CheckoutSession['submit_type']>().toEqualTypeOf<'auto' | 'book' | 'donate' | 'pay' | null>();
    expectTypeOf<NonNullable<CheckoutSession['total_details']>['amount_shipping']>().toEqualTypeOf<number | null>();
  });

  it('marks the Loops extensions as optional', () => {
    expectTypeOf<CheckoutSession>().toHaveProperty('productName').toEqualTypeOf<string | null | undefined>();
  });

  it('iterates sessions with for await', async () => {
    for await (const session of loops.checkout.sessions.list()) expectTypeOf(session).toEqualTypeOf<CheckoutSession>();
  });

  it('types the parsed error body', () => {
    expectTypeOf<APIError['error']>().toEqualTypeOf<
      | {
          type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
          message: string;
          code?: string;
          param?: string;
        }
      | undefined
    >();
  });

  it('exposes the typed openapi-fetch client as raw', () => {
    expectTypeOf(loops.raw).toEqualTypeOf<RawClient>();
    expectTypeOf(loops.raw.GET).toBeCallableWith('/checkout/sessions', { params: { query: { limit: 5 } } });
  });
});
