export { APIPromise, type WithResponse } from './api-promise.js';
export { CheckoutSessions, Loops } from './client.js';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  LoopsError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  ValidationError,
} from './errors.js';
export { VERSION } from './identity.js';
export type { Logger, LogLevel } from './log.js';
export type { ClientOptions } from './options.js';
export { Page } from './page.js';
export { type ListOptions, PagePromise } from './pagination.js';
export type { Fetch, RawClient } from './raw.js';
export type { RequestOptions } from './request.js';
export type {
  CheckoutSession,
  CheckoutSessionList,
  components,
  ErrorBody,
  ListParams,
  operations,
  paths,
  SessionStatus,
} from './types.js';
