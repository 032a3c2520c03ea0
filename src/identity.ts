import { VERSION } from '../generated/version.js';

export { VERSION };

type Runtimes = {
  Deno?: { version?: { deno?: string } };
  Bun?: { version?: string };
  process?: { versions?: { node?: string } };
};

/**
 * `loops-checkout-js/<VERSION> (<runtime>/<version>)` on a server runtime, or undefined in a browser
 * (and anywhere unknown): there a custom header would cost every call a CORS preflight.
 */
export function userAgent(): string | undefined {
  const { Deno, Bun, process } = globalThis as Runtimes;
  const runtime = Deno?.version?.deno
    ? `deno/${Deno.version.deno}`
    : Bun?.version
      ? `bun/${Bun.version}`
      : process?.versions?.node && !('document' in globalThis)
        ? `node/${process.versions.node}`
        : undefined;
  return runtime && `loops-checkout-js/${VERSION} (${runtime})`;
}
