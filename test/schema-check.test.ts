/** The JSON Schema subset checker behind parameter and body checks: each keyword the spec may write. */
import { describe, expect, it } from 'vitest';
import { describeSchema, findProblem, type Schema } from '../src/schema-check.js';

const verdict = (schema: Schema, value: unknown, schemas = {}) => findProblem(schema, value, schemas);

describe('findProblem: the first place a value breaks its schema, and what is allowed there', () => {
  it.each<[string, Schema, unknown, unknown]>([
    ['int32 above 2^31 - 1', { type: 'integer', format: 'int32' }, 2 ** 31, 2 ** 31 - 1],
    ['int32 below -2^31', { type: 'integer', format: 'int32' }, -(2 ** 31) - 1, -(2 ** 31)],
    ['int64 past the safe integers', { type: 'integer', format: 'int64' }, 2 ** 53, 2 ** 53 - 1],
    [
      'date-time without a zone',
      { type: 'string', format: 'date-time' },
      '2026-11-30T10:00:00',
      '2026-11-30T10:00:00Z',
    ],
    ['an email without a domain', { type: 'string', format: 'email' }, 'buyer@', 'buyer@example.com'],
    ['a relative URL', { type: 'string', format: 'uri' }, '/thanks', 'https://shop.example.com/thanks'],
    ['exclusiveMinimum', { type: 'number', exclusiveMinimum: 0 }, 0, 0.5],
    ['exclusiveMaximum', { type: 'number', exclusiveMaximum: 1 }, 1, 0.5],
    ['NaN for a number', { type: 'number' }, Number.NaN, 1],
    ['a const', { const: 'list' }, 'lists', 'list'],
    ['a string with a lone surrogate', { type: 'string' }, 'a\ud800', 'a\ud83d\ude00'],
    ['a length counted in code points', { type: 'string', maxLength: 1 }, 'ab', '\ud83d\ude00'],
    ['one of several types', { type: ['string', 'null'] }, 1, null],
  ])('%s is refused; its neighbour passes', (_, schema, refused, accepted) => {
    expect(verdict(schema, refused)).toMatchObject({ path: '' });
    expect(verdict(schema, accepted)).toBeUndefined();
  });

  it('follows a $ref to a component and names the place inside it', () => {
    const schemas = {
      Item: { type: 'object', required: ['qty'], properties: { qty: { type: 'integer', minimum: 1 } } },
    };
    const list: Schema = { type: 'array', items: { $ref: '#/components/schemas/Item' } };
    expect(verdict(list, [{ qty: 1 }, { qty: 0 }], schemas)).toEqual({
      path: '[1].qty',
      allowed: 'an integer of at least 1',
      found: 'got 0',
    });
    expect(verdict(list, [{}], schemas)).toMatchObject({ path: '[0].qty', found: 'missing, and the spec requires it' });
  });

  it('anyOf takes any fitting branch; oneOf exactly one', () => {
    const either: Schema = { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^\\d+$' }] };
    expect(verdict(either, '12')).toBeUndefined();
    expect(verdict(either, 'x')).toMatchObject({ allowed: 'an integer, or a string matching /^\\d+$/' });
    const exactly: Schema = { oneOf: [{ type: 'number' }, { type: 'integer' }] };
    expect(verdict(exactly, 1)).toBeDefined();
    expect(verdict(exactly, 1.5)).toBeUndefined();
  });

  it('checks free keys by additionalProperties, and their number by maxProperties', () => {
    const map: Schema = { type: 'object', maxProperties: 2, additionalProperties: { type: 'string' } };
    expect(verdict(map, { a: 'x', 'b c': 'y' })).toBeUndefined();
    expect(verdict(map, { 'b c': 1 })).toMatchObject({ path: '["b c"]' });
    expect(verdict(map, { a: 'x', b: 'y', c: 'z' })).toMatchObject({ found: 'got 3' });
  });

  it('names an unknown property, with the one it most likely meant, before a required one it misspells', () => {
    const body: Schema = {
      type: 'object',
      required: ['success_url'],
      additionalProperties: false,
      properties: { success_url: { type: 'string' } },
    };
    expect(verdict(body, { sucess_url: 'x' })).toEqual({
      path: 'sucess_url',
      allowed: 'one of success_url',
      found: 'unknown property (did you mean `success_url`?)',
    });
  });
});

describe('describeSchema: what a schema allows, in words', () => {
  it.each<[Schema, string]>([
    [{ type: 'integer', minimum: 1, maximum: 100 }, 'an integer from 1 to 100'],
    [{ enum: ['a', 'b'] }, 'one of a, b'],
    [{ type: 'string', minLength: 1 }, 'a non-empty string'],
    [{ type: 'string', format: 'email', maxLength: 512 }, 'an email address of at most 512 characters'],
    [{ type: 'array', minItems: 1, maxItems: 100 }, 'an array of 1 to 100 items'],
    [{ type: ['string', 'null'] }, 'a string or null'],
  ])('%o: %s', (schema, words) => {
    expect(describeSchema(schema)).toBe(words);
  });
});
