/** Asking a server for one operation and expecting its answer to be exactly what the spec declares. */
import { expect } from 'vitest';
import { operationMetadata } from '../../generated/operations.js';
import { implementedOperations } from '../../src/testing/handlers.js';
import { apiKey } from './client.js';
import { declaredResponse, errorResponse, findings } from './spec-conformance.js';

export type OperationId = keyof typeof operationMetadata;
export const operationIds = Object.keys(operationMetadata) as OperationId[];
/** The operations the fake server implements; it answers the others 501. */
export const implementedIds = operationIds.filter((id) => implementedOperations.includes(id));
export const authorization = { authorization: `Bearer ${apiKey}` };

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
