/**
 * `npm start`: a Prism mock of the spec on 127.0.0.1:$LOOPS_MOCK_PORT (4010), the SDK listing sessions
 * from it, the fake Loops server on 127.0.0.1:$LOOPS_FAKE_PORT (4011), which pages, filters and
 * retrieves as the API does (the README's examples run against it), and the reference on
 * 127.0.0.1:$LOOPS_DOCS_PORT (8080), all kept up until Ctrl-C or SIGTERM. Run after `npm run
 * generate` (npm's prestart does that).
 */
import { Loops } from '../src/index.js';
import { createFakeLoopsServer, fakeSession, fakeSessions } from '../src/testing/index.js';
import { serveDocs } from './docs/serve.js';
import { startPrismMock } from './harness/prism.js';
import { assertPortFree, portFromEnv, stopOnSignalOrOrphan } from './harness/processes.js';

const mockPort = portFromEnv('LOOPS_MOCK_PORT', 4010);
const docsPort = portFromEnv('LOOPS_DOCS_PORT', 8080);
const fakePort = portFromEnv('LOOPS_FAKE_PORT', 4011);

/** The fake server with a few hundred sessions, and the one the README retrieves by its id. */
async function startFake() {
  await assertPortFree(fakePort, 'LOOPS_FAKE_PORT');
  const sessions = [fakeSession(1_000, { id: 'cs_live_b7KmQ2xRt9LpVn4sWc8ZyHd3FgJa6EuN' }), ...fakeSessions(250)];
  return createFakeLoopsServer({ sessions, port: fakePort });
}

function money(amount: number | null, currency: string | null): string {
  return amount === null || currency === null ? '—' : `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

const [mock, fake, docs] = await Promise.all([
  startPrismMock(mockPort, 'LOOPS_MOCK_PORT'),
  startFake(),
  serveDocs(docsPort, { watch: true }),
]).catch((error: Error) => {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
});
stopOnSignalOrOrphan(async () => {
  await Promise.all([mock.stop(), fake.close(), docs.close()]);
});

const loops = new Loops({ apiKey: 'sk_test_mock_key', baseUrl: mock.url });
const page = await loops.checkout.sessions.list({ limit: 10 });
console.log(`\nGET /checkout/sessions through the SDK (request ID ${page.requestId}):\n`);
console.table(
  page.data.map((session) => ({
    id: session.id,
    mode: session.mode,
    payment: session.payment_status,
    total: money(session.amount_total, session.currency),
    email: session.customer_email ?? '—',
    product: session.productName ?? '—',
  })),
);
console.log(`has_more: ${page.has_more}. Prism answers every page from the spec's examples, so this shows one page.`);
console.log(
  `\nPrism mock:    ${mock.url}  (try: curl -H 'Authorization: Bearer sk_test' ${mock.url}/checkout/sessions)`,
);
console.log(
  `Fake server:   ${fake.url}  (pages, filters and retrieves like the API; any key: ` +
    `export LOOPS_BASE_URL=${fake.url} LOOPS_API_KEY=sk_test_anything_will_do to run the README's examples)`,
);
console.log(`API reference: ${docs.url}  (rebuilt when spec/ changes)`);
console.log('Press Ctrl-C to stop.');
