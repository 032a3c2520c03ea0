export * from '../generated/sdk/client.js';
export * from '../generated/sdk/resources.js';
export * from '../generated/sdk/types.js';
export { APIPromise, type WithResponse } from './api-promise.js';
export { LoopsClient } from './client-core.js';
export type { CallArgs, IdempotentRequestOptions } from './engine.js';
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
export type { PageParams } from './page.js';
export type { ListOptions } from './pagination.js';
export type { Fetch, RawClient } from './raw.js';
export type { RequestOptions } from './request.js';
