/** What `withResponse()` resolves to: the data, and the final HTTP response it came in. */
export interface WithResponse<T> {
  data: T;
  /** The final response, after any retries; its body has been read. */
  response: Response;
  /** Its `x-request-id`: quote it to support. */
  requestId: string | null;
}

/**
 * A promise of an API call's data that can also give the raw response: `await retrieve(id)` is the
 * session, `await retrieve(id).withResponse()` the session, the Response and the request ID.
 */
export class APIPromise<T> extends Promise<T> {
  // then(), catch() and finally() return plain promises, not another APIPromise.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  #withResponse!: Promise<WithResponse<T>>;

  static from<T>(call: Promise<WithResponse<T>>): APIPromise<T> {
    const promise = new APIPromise<T>((resolve, reject) => {
      call.then(({ data }) => resolve(data), reject);
    });
    promise.#withResponse = call;
    // A caller who uses only withResponse() leaves this promise unawaited: its rejection is theirs
    // through withResponse(), not an unhandled one that would end a Node process.
    promise.catch(() => {});
    return promise;
  }

  /** The data with the response it came in and its request ID. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#withResponse;
  }
}
