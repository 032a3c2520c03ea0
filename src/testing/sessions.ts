import { statusValues } from '../../generated/constants.js';
import type { FakeSession } from './fake-server.js';

const products = ['Starter plan (monthly)', 'Pro plan (annual)', 'Team seats (10)', 'Workshop ticket'];
const paymentStatus = { PENDING: 'unpaid', COMPLETED: 'paid', EXPIRED: 'unpaid', CANCELLED: 'unpaid' } as const;

/**
 * A realistic checkout session that validates against the spec, numbered n: its id is unique and
 * sorts by n. Its `status` cycles through the spec's values unless overrides set it.
 */
export function fakeSession(n: number, overrides: Partial<FakeSession> = {}): FakeSession {
  const status = overrides.status ?? statusValues[n % statusValues.length]!;
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
    customer: status === 'COMPLETED' ? `cus_test_${String(n).padStart(6, '0')}` : null,
    customer_email: `buyer${n}@example.com`,
    expires_at: 1_764_000_000 + n * 60,
    livemode: false,
    locale: 'en',
    metadata: { order_id: String(10_000 + n) },
    mode: 'payment',
    payment_intent: status === 'COMPLETED' ? `pi_test_${String(n).padStart(8, '0')}` : null,
    payment_method_types: ['card'],
    payment_status: paymentStatus[status],
    setup_intent: null,
    shipping: null,
    submit_type: 'pay',
    success_url: 'https://shop.example.com/thanks',
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: Math.round(amount * 0.2) },
    url: status === 'PENDING' ? `https://checkout.loops.fi/c/pay/${id}` : null,
    productName: products[n % products.length]!,
    externalCustomerId: `crm-${String(n).padStart(6, '0')}`,
    ...overrides,
    status,
  };
}

/** count realistic sessions, newest (highest n) first, as the API lists them. */
export function fakeSessions(count: number): FakeSession[] {
  return Array.from({ length: count }, (_, i) => fakeSession(count - i));
}
