import { Loops, NotFoundError } from '@loops-fi/checkout';

const loops = new Loops({ apiKey: process.env.LOOPS_API_KEY });

try {
  const session = await loops.checkout.sessions.retrieve('cs_live_b7KmQ2xRt9LpVn4sWc8ZyHd3FgJa6EuN');
  console.log(session.payment_status, session.amount_total, session.currency, session.customer_email);
} catch (error) {
  if (error instanceof NotFoundError) console.error('No such session', error.requestId);
  else throw error;
}
