export { Loops, CheckoutSessions } from './client.js';
export type { ClientOptions } from './options.js';
export type { RequestOptions } from './request.js';
export type { Fetch, RawClient } from './raw.js';
export { Page, PagePromise } from './pagination.js';
export {
  LoopsError,
  ValidationError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
} from './errors.js';
export type { CheckoutSession, CheckoutSessionList, ErrorBody, ListParams, SessionStatus, paths, components, operations } from './types.js';
