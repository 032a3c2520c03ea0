import { type ClientOptions, Loops } from '../../src/index.js';

export const apiKey = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';

/** A client with the test key and no retries unless options say otherwise. */
export function testClient(options: ClientOptions = {}): Loops {
  return new Loops({ apiKey, maxRetries: 0, ...options });
}
