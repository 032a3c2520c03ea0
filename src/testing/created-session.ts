/** The session the fake server creates from a create request's body: what it sells, for whom, and where to next. */
import type { CheckoutSessionCreateParams } from '../../generated/sdk/types.js';
import { type FakeSession, fakeSession, openStatus } from './sessions.js';

/** A made-up unit price for a price or product ID, in cents: the same ID always costs the same. */
function unitPrice(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) % 9_000;
  return 500 + hash - (hash % 100);
}

/**
 * A new, unpaid session numbered n, as the API would create it from body: its amounts from the
 * items' made-up prices and quantities (20 % tax), the body's URLs, customer, reference, metadata
 * and Loops fields, a checkout `url`, and an expiry one hour after `now` (Loops' changelog).
 */
export function createdSession(body: CheckoutSessionCreateParams, id: string, now: number): FakeSession {
  const items = body.line_items ?? (body.productId ? [{ price: body.productId, quantity: body.quantity ?? 1 }] : []);
  const subtotal = items.reduce((sum, item) => sum + unitPrice(item.price) * item.quantity, 0);
  const tax = Math.round(subtotal * 0.2);
  return fakeSession(0, {
    id,
    amount_subtotal: subtotal,
    amount_total: subtotal + tax,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: tax },
    mode: body.mode,
    success_url: body.success_url,
    cancel_url: body.cancel_url ?? null,
    customer: body.customer ?? null,
    customer_email: body.customer_email ?? null,
    client_reference_id: body.client_reference_id ?? null,
    metadata: body.metadata ?? {},
    payment_method_types: body.payment_method_types ?? ['card'],
    payment_status: 'unpaid',
    payment_intent: null,
    expires_at: Math.floor(now / 1000) + 3_600,
    url: `https://checkout.loops.fi/c/pay/${id}`,
    productName: body.productId ? `Product ${body.productId}` : null,
    externalCustomerId: body.externalCustomerId ?? null,
    ...openStatus,
  });
}
