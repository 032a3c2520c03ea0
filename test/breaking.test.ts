import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allowsBreaking } from '../scripts/breaking/bump.js';
import { type Change, classify, type Json } from '../scripts/breaking/classify.js';

type Spec = {
  components: {
    schemas: Record<string, { properties: Record<string, Json>; required: string[] }>;
    parameters: Record<string, Json & { schema: Json }>;
  };
  paths: Record<string, { get: { parameters: unknown[]; responses: Record<string, unknown> } } & Json>;
};
const base = JSON.parse(readFileSync(new URL('../generated/openapi.json', import.meta.url), 'utf8')) as Spec;
const session = (spec: Spec) => spec.components.schemas.CheckoutSession!;
const param = (spec: Spec, name: string) => spec.components.parameters[name]!;

function changesAfter(mutate: (spec: Spec) => void): Change[] {
  const after = structuredClone(base);
  mutate(after);
  return classify(base as unknown as Json, after as unknown as Json);
}

const verdict = (changes: Change[]) => (changes.some((change) => change.breaking) ? 'breaking' : 'not breaking');

describe('check:breaking classifies each difference for the clients of the older spec', () => {
  it.each<[string, (spec: Spec) => void, 'breaking' | 'not breaking']>([
    // Requests: what clients send.
    ['a parameter removed', (s) => void s.paths['/checkout/sessions']!.get.parameters.shift(), 'breaking'],
    [
      'a parameter renamed',
      (s) => {
        param(s, 'Cursor').name = 'after';
      },
      'breaking',
    ],
    [
      'a parameter newly required',
      (s) => {
        param(s, 'Limit').required = true;
      },
      'breaking',
    ],
    [
      'a parameter type changed',
      (s) => {
        param(s, 'Limit').schema.type = 'string';
      },
      'breaking',
    ],
    ['a parameter enum narrowed', (s) => void (param(s, 'Status').schema.enum as string[]).pop(), 'breaking'],
    [
      'a parameter bound tightened',
      (s) => {
        param(s, 'Limit').schema.maximum = 50;
      },
      'breaking',
    ],
    ['a parameter enum widened', (s) => void (param(s, 'Status').schema.enum as string[]).push('OPEN'), 'not breaking'],
    [
      'a parameter bound loosened',
      (s) => {
        param(s, 'Limit').schema.maximum = 250;
      },
      'not breaking',
    ],
    // Responses: what clients read.
    ['a response property removed', (s) => void delete session(s).properties.locale, 'breaking'],
    [
      'a response property type changed',
      (s) => {
        session(s).properties.amount_total!.type = ['string', 'null'];
      },
      'breaking',
    ],
    [
      'a response property made nullable',
      (s) => {
        session(s).properties.livemode!.type = ['boolean', 'null'];
      },
      'breaking',
    ],
    [
      'a response property removed from required',
      (s) => {
        session(s).required = session(s).required.filter((f) => f !== 'id');
      },
      'breaking',
    ],
    ['an operation removed', (s) => void delete s.paths['/checkout/sessions/{id}'], 'breaking'],
    ['a response code removed', (s) => void delete s.paths['/checkout/sessions']!.get.responses['429'], 'breaking'],
    [
      'a response enum widened (clients are told new values may appear)',
      (s) => void (session(s).properties.mode!.enum as string[]).push('donation'),
      'not breaking',
    ],
    [
      'an optional response property added',
      (s) => {
        session(s).properties.channel = { type: ['string', 'null'], description: 'x' };
      },
      'not breaking',
    ],
    [
      'a description changed',
      (s) => {
        (s as unknown as { info: Json }).info.description = 'reworded';
      },
      'not breaking',
    ],
  ])('%s: %s', (_, mutate, expected) => {
    expect(verdict(changesAfter(mutate))).toBe(expected);
  });

  it('says where a client meets the change and why it breaks', () => {
    const changes = changesAfter((s) => void delete session(s).properties.locale).filter((change) => change.breaking);
    expect(changes).toContainEqual(
      expect.objectContaining({
        where: 'GET /checkout/sessions → 200 → data[] → locale',
        why: 'clients that read it find it gone',
      }),
    );
    expect(changes.map((change) => change.where)).toContain('GET /checkout/sessions/{id} → 200 → locale');
  });

  it('finds nothing between a spec and itself', () => {
    expect(changesAfter(() => {})).toEqual([]);
  });
});

describe('which version bumps may carry breaking changes', () => {
  it.each([
    ['major', '1.4.0', true],
    ['minor', '1.4.0', false],
    ['minor', '0.3.0', true],
    ['patch', '0.3.0', false],
    ['none', '0.3.0', false],
  ] as const)('a %s bump of %s: %s', (bump, version, allowed) => {
    expect(allowsBreaking(bump, version)).toBe(allowed);
  });
});
