import type { ErrorBody } from './types.js';

/** The base class of every error the SDK throws. */
export class LoopsError extends Error {
  override name = 'LoopsError';
}

/** The parameter check failed before any request was sent. */
export class ValidationError extends LoopsError {
  override name = 'ValidationError';
  /** The offending parameter. */
  readonly param: string;
  /** What the parameter accepts. */
  readonly allowed: string;

  constructor(param: string, allowed: string, got: unknown, problem = `got ${describe(got)}`) {
    super(`Invalid \`${param}\`: ${problem}; expected ${allowed}. No request was sent.`);
    this.param = param;
    this.allowed = allowed;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  return typeof value;
}

export interface APIErrorInit {
  status: number;
  headers: Record<string, string>;
  /** The whole body as parsed JSON, or as text when it is not JSON: nothing the server said is lost. */
  body: unknown;
  /** What went wrong, when the body does not say it. */
  fallback?: string;
}

/** The API answered with a status the SDK does not turn into data. */
export class APIError extends LoopsError {
  override name = 'APIError';
  readonly status: number;
  /** The response headers, lower-cased names. */
  readonly headers: Record<string, string>;
  /** The `x-request-id` of the response: quote it to support. */
  readonly requestId: string | null;
  /** The parsed `error` object of a body in the spec's error format. */
  readonly error: ErrorBody['error'] | undefined;
  /** The body exactly as received: parsed JSON, or the text when it is not JSON. */
  readonly body: unknown;

  constructor({ status, headers, body, fallback }: APIErrorInit) {
    const error = errorOf(body);
    const requestId = headers['x-request-id'] ?? null;
    const what = error?.message ?? fallback ?? `The API answered ${status} with no error message.`;
    const details = [error?.param && `param: ${error.param}`, error?.code && `code: ${error.code}`, requestId && `request ID: ${requestId}`]
      .filter(Boolean)
      .join(', ');
    super(`${status} ${what}${details ? ` (${details})` : ''}`);
    this.status = status;
    this.headers = headers;
    this.requestId = requestId;
    this.error = error;
    this.body = body;
  }
}

function errorOf(body: unknown): ErrorBody['error'] | undefined {
  const error = (body as Partial<ErrorBody> | null)?.error;
  return error && typeof error === 'object' && typeof error.message === 'string' ? error : undefined;
}

export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

const byStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The most specific APIError subclass for a status. */
export function apiError(init: APIErrorInit): APIError {
  const ErrorClass = init.status >= 500 ? InternalServerError : (byStatus[init.status] ?? APIError);
  return new ErrorClass(init);
}

/** No response arrived: DNS, refused or reset connection, TLS, or a timeout. */
export class APIConnectionError extends LoopsError {
  override name = 'APIConnectionError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
}

/** Your `signal` aborted the request. */
export class APIUserAbortError extends LoopsError {
  override name = 'APIUserAbortError';

  constructor(options?: { cause?: unknown }) {
    super('The request was aborted by your AbortSignal.', options);
  }
}
