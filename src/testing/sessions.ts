import { listItemFields, operationMetadata } from '../../generated/operations.js';
import type { Operation } from '../operation.js';
import type { CheckoutSession, ListParams } from '../types.js';

/**
 * A session as the fake server stores it: a CheckoutSession, plus a field for each filter of the
 * list that the session schema does not declare (such as `status`), which says which value of the
 * filter it matches. The server keeps those fields beside the session and never sends them.
 */
export type FakeSession = CheckoutSession & { status?: NonNullable<ListParams['status']> };

const products = ['Starter plan (monthly)', 'Pro plan (annual)', 'Team seats (10)', 'Workshop ticket'];

// The list's enum filters, from the spec: a value the spec adds is served with no edit here.
const listing: Operation = operationMetadata.listCheckoutSessions;
const enumFilters = Object.entries(listing.query).filter(([, rule]) => rule.enum);
const { limitParam, cursorParam } = listing.pagination!;
const itemFields: readonly string[] = listItemFields.listCheckoutSessions;

/** The list's filters that are no field of a session (such as `status`): kept beside it, never sent. */
export const besideFields: readonly string[] = Object.keys(listing.query).filter(
  (name) => name !== limitParam && name !== cursorParam && !itemFields.includes(name),
);

/**
 * A session as the fake server sends it: without the fields it keeps beside it (such as `status`),
 * which the spec's CheckoutSession does not declare. Every other field, unknown ones included, is kept.
 */
export function asSent(session: FakeSession): CheckoutSession {
  const sent: Record<string, unknown> = { ...session };
  for (const name of besideFields) delete sent[name];
  return sent as CheckoutSession;
}

/**
 * A realistic checkout session that validates against the spec, numbered n: its id is unique and
 * sorts by n. Each enum filter field (such as `status`) cycles through the spec's values unless
 * overrides set it.
 */
export function fakeSession(n: number, overrides: Partial<FakeSession> = {}): FakeSession {
  const filters = Object.fromEntries(enumFilters.map(([name, rule]) => [name, rule.enum![n % rule.enum!.length]]));
  const { status } = { ...filters, ...overrides } as { status?: string };
  const paid = status === 'COMPLETED';
  const amount = 1500 + (n % 7) * 1000;
  const id = `cs_test_${String(n).padStart(8, '0')}`;
  return {
    id,
    object: 'checkout.session',
    amount_subtotal: amount,
    amount_total: amount + Math.round(amount * 0.2),
    automatic_tax: { enabled: true, status: 'complete' },
    billing_address_collection: 'auto',
    cancel_url: 'https://shop.example.com/cart',
    client_reference_id: `order_${10_000 + n}`,
    currency: 'eur',
    customer: paid ? `cus_test_${String(n).padStart(6, '0')}` : null,
    customer_email: `buyer${n}@example.com`,
    expires_at: 1_764_000_000 + n * 60,
    livemode: false,
    locale: 'en',
    metadata: { order_id: String(10_000 + n) },
    mode: 'payment',
    payment_intent: paid ? `pi_test_${String(n).padStart(8, '0')}` : null,
    payment_method_types: ['card'],
    payment_status: paid ? 'paid' : 'unpaid',
    setup_intent: null,
    shipping: null,
    submit_type: 'pay',
    success_url: 'https://shop.example.com/thanks',
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: Math.round(amount * 0.2) },
    url: status === 'PENDING' ? `https://checkout.loops.fi/c/pay/${id}` : null,
    productName: products[n % products.length]!,
    externalCustomerId: `crm-${String(n).padStart(6, '0')}`,
    ...filters,
    ...overrides,
  } as FakeSession;
}

/** count realistic sessions, newest (highest n) first, as the API lists them. */
export function fakeSessions(count: number): FakeSession[] {
  return Array.from({ length: count }, (_, i) => fakeSession(count - i));
}
