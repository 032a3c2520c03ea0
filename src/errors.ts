import { showControlChars } from './control-chars.js';
import { redact, redactCause, redactDeep } from './secrets.js';
import type { ErrorBody } from './types.js';

/**
 * The base class of every error the SDK throws. Its message and cause pass through redact() as a
 * last line of defence: whatever text reached an error, a registered API key never leaves in it.
 * The message shows control characters as escapes (a server's text cannot rewrite a terminal or
 * forge a log line); the body and `error` keep what the server sent.
 */
export class LoopsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(
      showControlChars(redact(message)),
      options && 'cause' in options ? { cause: redactCause(options.cause) } : undefined,
    );
  }
}

/** A parameter the spec does not allow; no request was sent. */
export class ValidationError extends LoopsError {
  constructor(
    /** The offending parameter. */
    readonly param: string,
    /** What the parameter accepts. */
    readonly allowed: string,
    problem: string,
  ) {
    super(`Invalid \`${param}\`: ${problem}; expected ${allowed}. No request was sent.`);
  }
}

export interface APIErrorInit {
  status: number;
  headers: Record<string, string>;
  /** The body: parsed JSON, or the text when it is not JSON. */
  body: unknown;
  /** What went wrong, when the body does not say it. */
  fallback?: string | undefined;
}

/** The API answered with a status or a body the SDK does not turn into data. */
export class APIError extends LoopsError {
  declare readonly status: number;
  /** The response headers, lower-case names. */
  declare readonly headers: Record<string, string>;
  /** The response's `x-request-id`: quote it to support. */
  declare readonly requestId: string | null;
  /** The parsed `error` object of a body in the spec's error format. */
  declare readonly error: ErrorBody['error'] | undefined;
  /** The body exactly as received, so that nothing the server said is lost. */
  declare readonly body: unknown;

  constructor({ status, headers, body, fallback }: APIErrorInit) {
    const error = (body as Partial<ErrorBody> | null)?.error;
    const known = typeof error?.message === 'string' ? error : undefined;
    const requestId = headers['x-request-id'] ?? null;
    const details = [
      known?.param && `param: ${known.param}`,
      known?.code && `code: ${known.code}`,
      requestId && `request ID: ${requestId}`,
    ]
      .filter(Boolean)
      .join(', ');
    super(`${status} ${known?.message ?? fallback ?? 'No error message.'}${details && ` (${details})`}`);
    Object.assign(this, redactDeep({ status, headers, requestId, error: known, body }));
  }
}

export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class UnprocessableEntityError extends APIError {}
export class RateLimitError extends APIError {}
export class InternalServerError extends APIError {}

const byStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The most specific APIError for a status. */
export function apiError(init: APIErrorInit): APIError {
  return new (init.status >= 500 ? InternalServerError : (byStatus[init.status] ?? APIError))(init);
}

/** No response arrived: refused or reset connection, DNS, TLS, or a timeout. */
export class APIConnectionError extends LoopsError {}

/** An attempt took longer than `timeout`. */
export class APIConnectionTimeoutError extends APIConnectionError {}

/** Your `signal` aborted the call. */
export class APIUserAbortError extends LoopsError {
  constructor(options?: ErrorOptions) {
    super('Aborted by your signal.', options);
  }
}

// Names are set on the prototypes, from the keys here, because minifiers rename classes.
const classes = {
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
};
for (const [name, ErrorClass] of Object.entries(classes)) ErrorClass.prototype.name = name;
