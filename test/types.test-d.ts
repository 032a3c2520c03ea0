import { describe, expectTypeOf, it } from 'vitest';
import type { APIError, CheckoutSession, ListParams, Loops, Page, PagePromise, RawClient } from '../src/index.js';

declare const loops: Loops;

describe('list() parameters are the spec’s own types', () => {
  it('accepts the spec’s parameters', () => {
    expectTypeOf(loops.checkout.sessions.list).toBeCallableWith({
      status: 'COMPLETED',
      limit: 50,
      starting_after: 'cs_test_1',
    });
    expectTypeOf(loops.checkout.sessions.list).toBeCallableWith();
    expectTypeOf<ListParams['status']>().toEqualTypeOf<'PENDING' | 'COMPLETED' | 'EXPIRED' | 'CANCELLED' | undefined>();
  });

  it('refuses a status the spec does not list', () => {
    // @ts-expect-error 'OPEN' is not a status of the spec
    void loops.checkout.sessions.list({ status: 'OPEN' });
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
