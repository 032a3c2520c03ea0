import { APIConnectionError, APIError, AuthenticationError, Loops, RateLimitError } from '@loops-fi/checkout';

const loops = new Loops({ apiKey: process.env.LOOPS_API_KEY, maxRetries: 3, timeout: 10_000 });

try {
  const page = await loops.checkout.sessions.list({ limit: 10 });
  console.log(page.data.length);
} catch (error) {
  if (error instanceof AuthenticationError) {
    console.error('The API key was refused: check LOOPS_API_KEY.');
  } else if (error instanceof RateLimitError) {
    console.error(`Still rate limited after 3 retries (request ${error.requestId}).`);
  } else if (error instanceof APIError) {
    console.error(error.status, error.error?.type, error.error?.message, error.requestId);
  } else if (error instanceof APIConnectionError) {
    console.error('Could not reach the API:', error.message);
  } else {
    throw error;
  }
}
