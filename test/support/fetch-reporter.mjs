/**
 * Preloaded into a CLI child (`node --import`) where a test must see where a request would go
 * without it going anywhere (the production API): fetch writes the URL to stderr and fails as a
 * refused connection would.
 */
globalThis.fetch = async (input) => {
  process.stderr.write(`fetch-reporter: ${typeof input === 'string' ? input : input.url}\n`);
  throw new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  });
};
