/**
 * What every generated SDK method calls: the checks before anything is sent, then the request path
 * (request.ts) for one answer, or pages (page.ts, pagination.ts) for a list. It knows no operation
 * of its own: each call names its operation from generated/operations.ts.
 */
import { schemaRules } from '../generated/operations.js';
import { APIPromise } from './api-promise.js';
import { checkRequestOptions, listOptionNames, requestOptionNames } from './call-options.js';
import { ValidationError } from './errors.js';
import { newIdempotencyKey } from './idempotency.js';
import type { Operation } from './operation.js';
import { Page, type PageOf, type PageParams } from './page.js';
import { type ListOptions, PagePromise } from './pagination.js';
import { viaNodeHttp } from './raw.js';
import { type ClientSettings, call, type RequestOptions } from './request.js';
import { findProblem, type Schemas } from './schema-check.js';
import { checkParams, checkPathSegments } from './validation.js';

/** What a call sends: path parameters by name, the query, and the JSON body. */
export interface CallArgs {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** Per-call options of an operation that takes an idempotency key. */
export interface IdempotentRequestOptions extends RequestOptions {
  /**
   * The key that makes retries of this call harmless: the same on every attempt. Default: a new
   * random key for each call. Pass your own to make a call you repeat yourself (after a crash, say)
   * count once.
   */
  idempotencyKey?: string | undefined;
}

/** Throws a ValidationError unless the body satisfies the operation's schema, naming where it fails. */
function checkBody(operation: Operation, body: unknown): void {
  const rule = operation.body;
  if (!rule) return;
  if (body === undefined) {
    if (rule.required) throw new ValidationError('body', 'the request body', 'missing, and the spec requires it');
    return;
  }
  const problem = findProblem(rule.schema, body, schemaRules as Schemas);
  if (problem) throw new ValidationError(problem.path || 'body', problem.allowed, problem.found);
}

/** Throws a ValidationError unless every argument is one the spec allows; nothing is sent then. */
function checkArgs(operation: Operation, args: CallArgs): void {
  if (args.path) {
    checkParams(operation.pathParams, args.path, 'path');
    checkPathSegments(args.path);
  }
  // Whatever a caller passed as the params (null, a string) is checked, not only an object.
  if ('query' in args) checkParams(operation.query, args.query as Record<string, unknown>);
  checkBody(operation, args.body);
}

/** The option names a call of operation takes. */
function optionNamesOf(operation: Operation): readonly string[] {
  const names = operation.pagination ? listOptionNames : requestOptionNames;
  return operation.idempotencyHeader ? [...names, 'idempotencyKey'] : names;
}

export class Engine {
  readonly #settings: ClientSettings;

  constructor(settings: ClientSettings) {
    this.#settings = settings;
  }

  /** One call of an operation: its data, with the response and request ID in withResponse(). */
  call<T>(operation: Operation, args: CallArgs, options: IdempotentRequestOptions = {}): APIPromise<T> {
    return APIPromise.from(
      (async () => {
        checkArgs(operation, args);
        checkRequestOptions(options, operation, optionNamesOf(operation));
        const idempotencyKey = operation.idempotencyHeader && (options.idempotencyKey ?? newIdempotencyKey());
        const { idempotencyKey: _, ...sending } = options;
        const { body, requestId, response } = await call<T>(
          this.#settings,
          operation,
          { ...args, idempotencyKey },
          sending,
        );
        return { data: body, response, requestId };
      })(),
    );
  }

  /** A list operation: its first page, which is also an async iterable over every item of every page. */
  list<Item, List, Next extends PageParams = Record<string, string>>(
    operation: Operation,
    args: CallArgs,
    options: ListOptions = {},
  ): PagePromise<Item, List, Next> {
    // Read before the options are checked, which happens on first use: a bad value rejects then.
    const prefetch = (options as ListOptions | null)?.prefetch !== false;
    const paging = operation.pagination!;
    // Not an async function: a promise and two ticks fewer on every list().
    return PagePromise.lazy<Item, List, Next>((signal) => {
      try {
        checkArgs(operation, args);
        checkRequestOptions(options, operation, optionNamesOf(operation));
      } catch (error) {
        return Promise.reject(error);
      }
      const { prefetch: _, ...sending } = options;
      const load = async (query: Record<string, unknown>, signal?: AbortSignal): Promise<PageOf<Item, List, Next>> => {
        // A page's own signal (a prefetch the walk may cancel) aborts it, as the caller's does.
        const fetched = await call<List>(
          this.#settings,
          operation,
          { ...(args.path && { path: args.path }), query },
          sending,
          signal,
        );
        const pageSize = (query[paging.limitParam] ?? operation.query[paging.limitParam]?.default) as
          | number
          | undefined;
        const loadNext = (params: Next, next?: AbortSignal) => load({ ...query, ...params }, next);
        const asked = { paging, query, pageSize, writesAtOnce: () => viaNodeHttp(this.#settings.raw) };
        return new Page<Item, List, Next>(fetched, asked, loadNext) as PageOf<Item, List, Next>;
      };
      return load(args.query ?? {}, signal);
    }, prefetch);
  }
}
