/**
 * `npm start`: a Prism mock of the spec on 127.0.0.1:4010, the SDK listing sessions from it, and the
 * reference on 127.0.0.1:8080, all kept up until Ctrl-C. Run after `npm run generate` (package.json does that).
 */
import { Loops } from '../src/index.js';
import { serveDocs } from './docs.js';
import { startPrismMock } from './prism.js';

const mockPort = 4010;
const docsPort = 8080;

function money(amount: number | null, currency: string | null): string {
  return amount === null || currency === null ? '—' : `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

const [mock, docs] = await Promise.all([startPrismMock(mockPort), serveDocs(docsPort, { watch: true })]);
const stop = async () => {
  await Promise.all([mock.stop(), docs.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

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
console.log(`API reference: ${docs.url}  (rebuilt when spec/ changes)`);
console.log('Press Ctrl-C to stop.');
