import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Change, classify, type Json } from '../scripts/breaking/classify.js';
import { cursorParam, invalidStatus, knownListParams, limitParam, statusParam } from './support/spec.js';

type Spec = {
  components: {
    schemas: Record<string, { properties: Record<string, Json>; required: string[] }>;
    parameters: Record<string, Json & { schema: Json }>;
  };
  paths: Record<string, { get: { parameters: unknown[]; responses: Record<string, unknown> } } & Json>;
};
const base = JSON.parse(readFileSync(new URL('../generated/openapi.json', import.meta.url), 'utf8')) as Spec;
const session = (spec: Spec) => spec.components.schemas.CheckoutSession!;
/** The list's parameter component whose wire name is name (the spec's cursor, page size or filter). */
const param = (spec: Spec, name: string) => Object.values(spec.components.parameters).find((p) => p.name === name)!;
const list = (spec: Spec) => spec.paths['/checkout/sessions']!.get;

/** A query parameter name the list does not have yet: name, with a suffix until it is fresh. */
function freshName(name: string): string {
  let fresh = `${name}_2`;
  while (knownListParams.includes(fresh)) fresh = `${fresh}_2`;
  return fresh;
}

/** A new query parameter of the list, as its own component referenced by `$ref` (as this spec writes them) or inline. */
function addParameter(spec: Spec, required: boolean, how: 'by $ref' | 'inline'): void {
  const name = freshName(statusParam);
  const parameter = { name, in: 'query', required, description: 'x', schema: { type: 'string', description: 'y' } };
  if (how === 'inline') return void list(spec).parameters.push(parameter);
  spec.components.parameters.Fresh = parameter as unknown as Spec['components']['parameters'][string];
  list(spec).parameters.push({ $ref: '#/components/parameters/Fresh' });
}

function changesAfter(mutate: (spec: Spec) => void): Change[] {
  const after = structuredClone(base);
  mutate(after);
  return classify(base as unknown as Json, after as unknown as Json);
}

const verdict = (changes: Change[]) => (changes.some((change) => change.breaking) ? 'breaking' : 'not breaking');

describe('check:breaking classifies each difference for the clients of the older spec', () => {
  const cases: [string, (spec: Spec) => void, 'breaking' | 'not breaking'][] = [
    // Requests: what clients send.
    ['a parameter removed', (s) => void list(s).parameters.shift(), 'breaking'],
    [
      'a parameter renamed',
      (s) => {
        param(s, cursorParam).name = freshName(cursorParam);
      },
      'breaking',
    ],
    [
      'a parameter newly required',
      (s) => {
        param(s, limitParam).required = true;
      },
      'breaking',
    ],
    ['a new required parameter, by $ref', (s) => addParameter(s, true, 'by $ref'), 'breaking'],
    ['a new required parameter, inline', (s) => addParameter(s, true, 'inline'), 'breaking'],
    ['a new optional parameter, by $ref', (s) => addParameter(s, false, 'by $ref'), 'not breaking'],
    [
      'a new required parameter with a default (a server that requires it still refuses calls without it)',
      (s) => {
        addParameter(s, true, 'by $ref');
        s.components.parameters.Fresh!.schema.default = 'all';
      },
      'breaking',
    ],
    ['a new optional parameter, inline', (s) => addParameter(s, false, 'inline'), 'not breaking'],
    [
      'a parameter type changed',
      (s) => {
        param(s, limitParam).schema.type = 'string';
      },
      'breaking',
    ],
    ['a parameter enum narrowed', (s) => void (param(s, statusParam).schema.enum as string[]).pop(), 'breaking'],
    [
      'an enum added to a parameter that had none (limit=20 is now refused)',
      (s) => {
        param(s, limitParam).schema.enum = [10, 25, 50, 100];
      },
      'breaking',
    ],
    [
      'a parameter bound tightened',
      (s) => {
        param(s, limitParam).schema.maximum = 50;
      },
      'breaking',
    ],
    [
      'a parameter enum widened',
      (s) => void (param(s, statusParam).schema.enum as string[]).push(invalidStatus),
      'not breaking',
    ],
    [
      'a parameter enum dropped (any value is now taken)',
      (s) => void delete param(s, statusParam).schema.enum,
      'not breaking',
    ],
    [
      'a parameter bound loosened',
      (s) => {
        param(s, limitParam).schema.maximum = 250;
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
      'an enum added to a response field that had none (clients receive fewer values)',
      (s) => {
        session(s).properties.locale!.enum = ['en', 'fr', null];
      },
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
  ];
  it.each(cases.map(([name, mutate, expected]) => [name, expected, mutate] as const))(
    '%s: %s',
    (_, expected, mutate) => {
      expect(verdict(changesAfter(mutate))).toBe(expected);
    },
  );

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

  it('names a new parameter by where it goes and its name, and says why a required one breaks calls', () => {
    const name = freshName(statusParam);
    expect(changesAfter((s) => addParameter(s, true, 'by $ref'))).toEqual([
      expect.objectContaining({
        breaking: true,
        where: `GET /checkout/sessions → query ${name}`,
        what: 'new required parameter',
        why: 'calls that leave it out are now refused',
      }),
    ]);
    expect(changesAfter((s) => addParameter(s, false, 'by $ref'))).toEqual([
      expect.objectContaining({ breaking: false, what: 'new optional parameter' }),
    ]);
  });

  it('gives each change a short id that is the same on every run and differs between changes', () => {
    const ids = (mutate: (spec: Spec) => void) => changesAfter(mutate).map((change) => change.id);
    const removed = ids((s) => void delete session(s).properties.locale);
    expect(removed).toEqual(ids((s) => void delete session(s).properties.locale));
    expect(removed.every((id) => /^break-[0-9a-f]{8}$/.test(id))).toBe(true);
    expect(new Set(removed).size).toBe(removed.length);
    expect(removed).not.toContain(ids((s) => void delete session(s).properties.currency)[0]);
  });

  it('judges types across anyOf branches: a response header of seconds that may now be an HTTP date breaks readers', () => {
    const headers = (spec: Spec) =>
      (spec as unknown as { components: { headers: Record<string, { schema: Json }> } }).components.headers;
    const header = Object.keys(headers(base))[0]!;
    const seconds = { type: 'integer', minimum: 0, description: 'Seconds.' };
    const between = (schema: Json) => {
      const [before, after] = [structuredClone(base), structuredClone(base)];
      headers(before)[header]!.schema = seconds;
      headers(after)[header]!.schema = schema;
      return classify(before as unknown as Json, after as unknown as Json);
    };
    const orDate = between({ anyOf: [seconds, { type: 'string', description: 'An HTTP date.' }] });
    expect(orDate).toContainEqual(
      expect.objectContaining({ breaking: true, what: 'type "integer" → "integer" | "string"' }),
    );
    expect(verdict(between({ anyOf: [seconds] }))).toBe('not breaking');
  });

  it('a parameter that took integers and now takes any number refuses nothing', () => {
    const toNumber = (spec: Spec) => {
      param(spec, limitParam).schema.type = 'number';
    };
    expect(verdict(changesAfter(toNumber))).toBe('not breaking');
  });

  it('judges an integer size format on a parameter by its bounds: breaking only where it refuses values the bounds took', () => {
    const verdictOn = (maximum: number, format: string) => {
      const before = structuredClone(base);
      param(before, limitParam).schema.maximum = maximum;
      delete param(before, limitParam).schema.format;
      const after = structuredClone(before);
      param(after, limitParam).schema.format = format;
      return verdict(classify(before as unknown as Json, after as unknown as Json));
    };
    expect(verdictOn(100, 'int32')).toBe('not breaking');
    expect(verdictOn(2 ** 40, 'int64')).toBe('not breaking');
    expect(verdictOn(2 ** 40, 'int32')).toBe('breaking');
  });

  it('finds nothing between a spec and itself', () => {
    expect(changesAfter(() => {})).toEqual([]);
  });
});
