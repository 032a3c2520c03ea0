import { Loops } from '@loops-fi/checkout';

const loops = new Loops({ apiKey: process.env.LOOPS_API_KEY });

// Fetches page after page as the loop asks for more; one page is held in memory at a time.
let revenue = 0;
for await (const session of loops.checkout.sessions.list({ status: 'COMPLETED', limit: 100 })) {
  revenue += session.amount_total ?? 0;
}
console.log(`revenue: ${revenue}`);

// Or collect a bounded number of sessions.
const latest = await loops.checkout.sessions.list().autoPagingToArray({ limit: 500 });
console.log(latest.length);
