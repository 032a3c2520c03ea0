import { describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  Loops,
  LoopsError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../src/index.js';
import { fakeSessions } from '../src/testing/index.js';
import { apiKey, testClient } from './support/client.js';
import { withHttpServer } from './support/http-server.js';
import { rejection } from './support/rejection.js';
import { useServers } from './support/servers.js';
import { cursorParam } from './support/spec.js';

const servers = useServers({ proxy: true });
const proxied = () => testClient({ baseUrl: servers.proxyUrl });
const direct = () => testClient({ baseUrl: servers.fake.url });

describe('typed API errors, through Prism proxy', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
  ])('turns a %i into %o with status, headers, request ID and the parsed error', async (status, ErrorClass) => {
    servers.fake.fault({ type: 'status', status });
    const error = await rejection(proxied().checkout.sessions.list(), ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(LoopsError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
    expect(error.requestId).toMatch(/^req_fake/);
    expect(error.headers['x-request-id']).toBe(error.requestId);
    expect(error.error?.type).toBe(status >= 500 ? 'api_error' : 'invalid_request_error');
    expect(error.message).toBe(
      `${status} Scripted fault: the fake server answered ${status}. (request ID: ${error.requestId})`,
    );
  });

  it('a wrong API key is an AuthenticationError that quotes the server', async () => {
    const error = await rejection(
      new Loops({ apiKey: 'sk_test_wrong', baseUrl: servers.proxyUrl }).checkout.sessions.list(),
      AuthenticationError,
    );
    expect(error.message).toMatch(
      /^401 Invalid API key provided\. \(code: api_key_invalid, request ID: req_fake\d+\)$/,
    );
    expect(servers.fake.requests).toHaveLength(1);
  });

  it('a server-side 400 names the parameter and code in the message', async () => {
    servers.fake.setSessions(fakeSessions(3));
    const error = await rejection(proxied().checkout.sessions.list({ [cursorParam]: 'cs_test_gone' }), BadRequestError);
    expect(error.error?.param).toBe(cursorParam);
    expect(error.message).toContain(`param: ${cursorParam}, code: resource_missing`);
  });
});

describe('bodies the SDK cannot use', () => {
  it('an error body that is not JSON becomes an APIError that keeps the text, status and request ID', async () => {
    servers.fake.fault({ type: 'status', status: 502, body: '<html><h1>502 Bad Gateway</h1></html>' });
    const error = await rejection(direct().checkout.sessions.list(), InternalServerError);
    expect(error.status).toBe(502);
    expect(error.requestId).toMatch(/^req_fake/);
    expect(error.body).toBe('<html><h1>502 Bad Gateway</h1></html>');
    expect(error.error).toBeUndefined();
  });

  it('a 200 with malformed JSON becomes an APIError, not retried, body kept', async () => {
    servers.fake.fault({ type: 'status', status: 200, body: '{"object":"list","data":[' });
    const error = await rejection(new Loops({ apiKey, baseUrl: servers.fake.url }).checkout.sessions.list(), APIError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/^200 Body is not JSON \(see `body`\)\./);
    expect(error.body).toBe('{"object":"list","data":[');
    expect(error.requestId).toMatch(/^req_fake/);
    expect(servers.fake.requests).toHaveLength(1);
  });

  it('a 200 whose JSON is not a list becomes an APIError that keeps the JSON', async () => {
    servers.fake.fault({ type: 'status', status: 200, body: { hello: 'world' } });
    const error = await rejection(direct().checkout.sessions.list(), APIError);
    expect(error.message).toMatch(/^200 Body is not a list \(see `body`\)\. \(request ID: req_fake\d+\)$/);
    expect(error.body).toBe('{"hello":"world"}');
  });

  it('does not follow a redirect, so the key never reaches the other host', async () => {
    const seenAuthorization: (string | undefined)[] = [];
    await withHttpServer(
      (req, res) => {
        seenAuthorization.push(req.headers.authorization);
        res.end('{}');
      },
      async ({ url }) => {
        const target = `${url}/checkout/sessions`;
        servers.fake.fault({ type: 'status', status: 307, headers: { location: target }, body: '' });
        const error = await rejection(direct().checkout.sessions.list(), APIError);
        expect(error.status).toBe(307);
        expect(error.message).toContain(`Redirect to ${target} not followed, to keep your key on \`baseUrl\``);
        expect(seenAuthorization).toEqual([]);
      },
    );
  });
});
