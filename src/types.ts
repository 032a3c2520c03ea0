/** The SDK's public data types, all taken from the types generated from spec/. */
import type { components, operations } from '../generated/schema.js';

export type { components, operations, paths } from '../generated/schema.js';

export type CheckoutSession = components['schemas']['CheckoutSession'];
export type CheckoutSessionList = components['schemas']['CheckoutSessionList'];
export type ErrorBody = components['schemas']['Error'];
/** The query parameters of `listCheckoutSessions`, exactly as the spec declares them. */
export type ListParams = NonNullable<operations['listCheckoutSessions']['parameters']['query']>;
export type SessionStatus = NonNullable<ListParams['status']>;
