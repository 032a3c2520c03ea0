import { expect } from 'vitest';

/**
 * The error a promise rejects with, or a failed expectation if it resolves. With ErrorClass,
 * also asserts the error's class and returns it typed as such.
 */
export async function rejection<E = unknown>(
  promise: PromiseLike<unknown>,
  ErrorClass?: abstract new (...args: never[]) => E,
): Promise<E> {
  let error: unknown;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) expect.unreachable('expected a rejection, but the promise resolved');
  if (ErrorClass) expect(error).toBeInstanceOf(ErrorClass);
  return error as E;
}

/** The error fn throws, asserted as in rejection(). */
export function thrown<E = unknown>(fn: () => unknown, ErrorClass?: abstract new (...args: never[]) => E): E {
  let error: unknown;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) expect.unreachable('expected a throw, but the call returned');
  if (ErrorClass) expect(error).toBeInstanceOf(ErrorClass);
  return error as E;
}
