import { describe, expectTypeOf, it } from 'vitest';
import type { operationMetadata } from '../generated/operations.js';
import type {
  APIError,
  APIPromise,
  CheckoutSession,
  CheckoutSessionCreateParams,
  CheckoutSessionList,
  LineItem,
  ListParams,
  Loops,
  Page,
  PagePromise,
  RawClient,
} from '../src/index.js';
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

describe('create(body) takes the spec’s body type', () => {
  const body: CheckoutSessionCreateParams = { mode: 'payment', success_url: 'https://shop.example.com/thanks' };

  it('accepts a body the spec allows and resolves to the session', () => {
    expectTypeOf(loops.checkout.sessions.create).toBeCallableWith(body);
    expectTypeOf(loops.checkout.sessions.create(body)).toEqualTypeOf<APIPromise<CheckoutSession>>();
  });

  it('refuses a body without a required field', () => {
    // @ts-expect-error success_url is required
    void loops.checkout.sessions.create({ mode: 'payment' });
  });

  it('refuses a field the spec does not declare, and a mode it does not list', () => {
    // @ts-expect-error sucess_url is not a field (success_url is)
    void loops.checkout.sessions.create({ ...body, sucess_url: 'https://shop.example.com' });
    // @ts-expect-error gift is not a mode
    void loops.checkout.sessions.create({ ...body, mode: 'gift' });
  });

  it('types line items as the spec does', () => {
    expectTypeOf<NonNullable<CheckoutSessionCreateParams['line_items']>[number]>().toEqualTypeOf<LineItem>();
    expectTypeOf<LineItem['quantity']>().toEqualTypeOf<number>();
  });
});

describe('lists are generic over their items', () => {
  it('Page and PagePromise without type arguments are the sessions list, as before', () => {
    expectTypeOf<Page>().toEqualTypeOf<Page<CheckoutSession, CheckoutSessionList>>();
    expectTypeOf<PagePromise>().toEqualTypeOf<PagePromise<CheckoutSession, CheckoutSessionList>>();
  });

  it('a list of other items yields them, and its page keeps its own fields', () => {
    type Product = { id: string; name: string };
    type ProductList = { data: Product[]; total: number };
    expectTypeOf<Page<Product, ProductList>['total']>().toEqualTypeOf<number>();
    expectTypeOf<Page<Product, ProductList>['getPaginatedItems']>().returns.toEqualTypeOf<Product[]>();
    expectTypeOf<PagePromise<Product, ProductList>>().toMatchTypeOf<AsyncIterable<Product>>();
  });
});
