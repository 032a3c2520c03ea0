import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationMetadata, schemaRules } from '../generated/operations.js';
import { type CheckoutSessionCreateParams, Loops, ValidationError } from '../src/index.js';
import { findProblem, type Schemas } from '../src/schema-check.js';
import { fakeSession } from '../src/testing/index.js';
import { ajvProblems, bodyExamples, bodySchema, broken, valid } from './support/bodies.js';
import { apiKey } from './support/client.js';
import { rejection } from './support/rejection.js';

const creating = operationMetadata.createCheckoutSession;
const schema = bodySchema(creating.method.toLowerCase(), creating.path);
const examples = bodyExamples(creating.method.toLowerCase(), creating.path);

/** A client whose fetch keeps what each request sent and answers with a new session. */
function recording() {
  const sent: { method: string; url: string; type: string | null; body: unknown }[] = [];
  const fetch = async (request: Request) => {
    sent.push({
      method: request.method,
      url: request.url,
      type: request.headers.get('content-type'),
      body: await request.json(),
    });
    return Response.json(fakeSession(1));
  };
  return { loops: new Loops({ apiKey, fetch, maxRetries: 0 }), sent };
}

const create = (loops: Loops, body: unknown) => loops.checkout.sessions.create(body as CheckoutSessionCreateParams);

describe('create(body): the body is checked against the spec before anything is sent', () => {
  it.each(Object.entries(examples))("sends the spec's example %s as JSON, exactly as given", async (_, body) => {
    const { loops, sent } = recording();
    const session = await create(loops, body);
    expect(session.object).toBe('checkout.session');
    expect(sent).toEqual([
      { method: creating.method, url: expect.stringMatching(/\/checkout\/sessions$/), type: 'application/json', body },
    ]);
  });

  it.each<[string, (body: Record<string, unknown>) => void, string]>([
    [
      'a required field missing',
      (b) => delete b.mode,
      'Invalid `mode`: missing, and the spec requires it; expected one of payment, subscription, setup.',
    ],
    [
      'a value out of the enum',
      (b) => {
        b.mode = 'donation';
      },
      'Invalid `mode`: got "donation"; expected one of payment, subscription, setup.',
    ],
    [
      'an item quantity of 0',
      (b) => ((b.line_items as Record<string, unknown>[])[0]!.quantity = 0),
      'Invalid `line_items[0].quantity`: got 0; expected an integer from 1 to 999999.',
    ],
    [
      'a quantity that is not an integer',
      (b) => ((b.line_items as Record<string, unknown>[])[0]!.quantity = 1.5),
      'Invalid `line_items[0].quantity`: got 1.5; expected an integer from 1 to 999999.',
    ],
    [
      'a nested required field missing',
      (b) => delete (b.line_items as Record<string, Record<string, unknown>>[])[0]!.adjustable_quantity!.enabled,
      'Invalid `line_items[0].adjustable_quantity.enabled`: missing, and the spec requires it; expected a boolean.',
    ],
    [
      'an unknown field, with the one it most likely meant',
      (b) => {
        b.sucess_url = b.success_url;
        delete b.success_url;
      },
      'Invalid `sucess_url`: unknown property (did you mean `success_url`?)',
    ],
    [
      'an email that is not one',
      (b) => {
        b.customer_email = 'buyer at example.com';
      },
      'Invalid `customer_email`: got "buyer at example.com"; expected an email address of at most 512 characters.',
    ],
    [
      'a URL that is not absolute',
      (b) => {
        b.success_url = '/thanks';
      },
      'Invalid `success_url`: got "/thanks"; expected an absolute URL of at most 5000 characters.',
    ],
    [
      'no items',
      (b) => {
        b.line_items = [];
      },
      'Invalid `line_items`: got an array; expected an array of 1 to 100 items.',
    ],
    [
      'a metadata value that is not a string',
      (b) => ((b.metadata as Record<string, unknown>).order_id = 10442),
      'Invalid `metadata.order_id`: got 10442; expected a string of at most 500 characters.',
    ],
    [
      'a metadata key that is no identifier',
      (b) => ((b.metadata as Record<string, unknown>)['order id'] = 7),
      'Invalid `metadata["order id"]`: got 7;',
    ],
    [
      '51 metadata keys',
      (b) => {
        b.metadata = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
      },
      'Invalid `metadata`: got 51; expected an object of at most 50 properties.',
    ],
    [
      'a lone surrogate',
      (b) => {
        b.client_reference_id = 'order_\ud800';
      },
      'Invalid `client_reference_id`: got "order_\\ud800";',
    ],
  ])('%s: a ValidationError naming the place and what is allowed; nothing sent', async (_, breakIt, message) => {
    const body = structuredClone(examples.lineItems) as Record<string, unknown>;
    breakIt(body);
    const { loops, sent } = recording();
    const error = await rejection(create(loops, body), ValidationError);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/ No request was sent\.$/);
    expect(sent).toEqual([]);
  });

  it.each([null, 'mode=payment', [], 42])('a body that is no object (%o) is refused', async (body) => {
    const { loops, sent } = recording();
    expect((await rejection(create(loops, body), ValidationError)).param).toBe('body');
    expect(sent).toEqual([]);
  });

  it('no body at all is refused: the spec requires one', async () => {
    const { loops, sent } = recording();
    const error = await rejection(create(loops, undefined), ValidationError);
    expect(error.message).toBe(
      'Invalid `body`: missing, and the spec requires it; expected the request body. No request was sent.',
    );
    expect(sent).toEqual([]);
  });

  it('agrees with Ajv on every body, valid or broken, and names a place Ajv names', () => {
    fc.assert(
      fc.property(fc.oneof(valid(schema), broken(schema)), (body) => {
        const problem = findProblem(creating.body.schema, body, schemaRules as Schemas);
        const judged = ajvProblems(schema, body);
        expect(problem === undefined, JSON.stringify({ problem, judged })).toBe(judged.length === 0);
        if (problem) expect(judged).toContain(problem.path);
      }),
      { numRuns: 300 },
    );
  });

  it('sends every body the spec allows, unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(valid(schema), async (body) => {
        const { loops, sent } = recording();
        await create(loops, body);
        expect(sent[0]!.body).toEqual(JSON.parse(JSON.stringify(body)));
      }),
      { numRuns: 100 },
    );
  });
});
