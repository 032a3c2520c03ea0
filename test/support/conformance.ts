/** Asking a server for one operation and expecting its answer to be exactly what the spec declares. */
import { beforeEach, expect } from 'vitest';
import { operationMetadata } from '../../generated/operations.js';
import { implementedOperations } from '../../src/testing/handlers.js';
import { fakeSessions } from '../../src/testing/index.js';
import { bodyExamples } from './bodies.js';
import { apiKey } from './client.js';
import { useServers } from './servers.js';
import { declaredResponse, errorResponse, findings } from './spec-conformance.js';

export type OperationId = keyof typeof operationMetadata;
export const operationIds = Object.keys(operationMetadata) as OperationId[];
/** The operations the fake server implements; it answers the others 501. */
export const implementedIds = operationIds.filter((id) => implementedOperations.includes(id));
export const authorization = { authorization: `Bearer ${apiKey}` };

/**
 * A request the spec allows for an operation: its method, the key, and for an operation with a
 * body, the first example body the spec gives, as JSON.
 */
export function callInit(id: OperationId, headers: Record<string, string> = authorization): RequestInit {
  const { method, path } = operationMetadata[id];
  if (!('body' in operationMetadata[id])) return { method, headers };
  const body = Object.values(bodyExamples(method.toLowerCase(), path))[0];
  return { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** A path of an operation, its path parameters filled in with value. */
export const pathOf = (id: OperationId, value: string) =>
  operationMetadata[id].path.replace(/\{[^}]+\}/g, encodeURIComponent(value));

export async function exchange(baseUrl: string, path: string, init: RequestInit = { headers: authorization }) {
  const response = await fetch(`${baseUrl}${path}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Asks baseUrl, and expects the answer to be what the spec declares for operation (or its error response). */
export async function expectConforms(
  baseUrl: string,
  operation: OperationId | undefined,
  path: string,
  init?: RequestInit,
) {
  const answer = await exchange(baseUrl, path, init);
  const declared = operation ? declaredResponse(operation, answer.status).response : errorResponse;
  expect(findings(declared, answer.status, answer.headers, answer.text), `${answer.status} ${path}`).toEqual([]);
  return answer;
}

/**
 * The fake server of a conformance test file, serving 30 sessions before each test: a path of any
 * operation (its path parameters filled with one of them) and `conforms`, which asks and checks.
 */
export function useConformance() {
  const servers = useServers({ proxy: false });
  const sessions = fakeSessions(30);
  beforeEach(() => servers.fake.setSessions(sessions));
  return {
    servers,
    sessions,
    path: (id: OperationId, value = sessions[3]!.id) => pathOf(id, value),
    conforms: (operation: OperationId | undefined, at: string, init?: RequestInit) =>
      expectConforms(servers.fake.url, operation, at, init),
  };
}
