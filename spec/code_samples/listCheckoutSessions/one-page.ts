import { Loops } from '@loops-fi/checkout';

const loops = new Loops({ apiKey: process.env.LOOPS_API_KEY });

const page = await loops.checkout.sessions.list({ status: 'COMPLETED', limit: 25 });
for (const session of page.data) {
  console.log(session.id, session.amount_total, session.currency, session.customer_email);
}
if (page.hasNextPage()) {
  const next = await page.getNextPage();
  console.log(`next page starts at ${next.data[0]?.id}`);
}
