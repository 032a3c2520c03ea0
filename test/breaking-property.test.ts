import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, type Json } from '../scripts/breaking/classify.js';
import { type ApiModel, apiModelArb, type Field, fieldArb, render, routes } from './support/api-model.js';

const kinds = ['remove', 'rename', 'retype', 'narrow', 'widen', 'add optional', 'add required'] as const;
type Kind = (typeof kinds)[number];
type Area = 'parameters' | 'request' | 'response';

/** A field's first name with a suffix that no field of the list has. */
function fresh(name: string, list: Field[]): string {
  let candidate = `${name}_n`;
  while (list.some((field) => field.name === candidate)) candidate = `${candidate}_n`;
  return candidate;
}

/**
 * The field after a change of kind, and the verdict for clients when it lies in area. In a request
 * (parameters, the body) what clients may send shrinking breaks them; in a response, what they may
 * receive growing does, except new enum values (clients are told new values may appear).
 */
function change(field: Field, kind: 'retype' | 'narrow' | 'widen', area: Area): { field: Field; breaking: boolean } {
  const { values, maximum, ...plain } = field;
  const request = area !== 'response';
  if (kind === 'retype')
    return { field: { ...plain, type: field.type === 'string' ? 'integer' : 'string' }, breaking: true };
  if (kind === 'narrow') {
    if (values) return { field: { ...field, values: values.slice(0, -1) }, breaking: request };
    if (maximum !== undefined) return { field: { ...field, maximum: maximum - 1 }, breaking: request };
    const first = { string: ['a', 'b'], integer: [1, 2], boolean: [true] }[field.type] as (string | number)[];
    return { field: { ...field, values: first }, breaking: request };
  }
  if (values) {
    const added = field.type === 'string' ? `${values.join('')}x` : Math.max(...(values as number[])) + 1;
    return { field: { ...field, values: [...values, added] }, breaking: false };
  }
  if (maximum !== undefined) return { field: { ...field, maximum: maximum + 1 }, breaking: !request };
  return { field: { ...field, nullable: true }, breaking: !request };
}

interface Mutation {
  document: Json;
  breaking: boolean;
  /** The field, parameter or operation the report must name when the change breaks clients. */
  names: string;
}

function mutateField(model: ApiModel, area: Area, kind: Kind, target: number, added: Field): Mutation {
  const list = model[area];
  const at = target % list.length;
  const field = list[at]!;
  const next = [...list];
  let breaking = kind !== 'add optional' && !(kind === 'add required' && area === 'response');
  let names = field.name;
  if (kind === 'remove') next.splice(at, 1);
  else if (kind === 'rename') next[at] = { ...field, name: fresh(field.name, list) };
  else if (kind === 'add optional' || kind === 'add required') {
    names = fresh(added.name, list);
    next.push({ ...added, name: names, required: kind === 'add required' });
  } else {
    const changed = change(field, kind, area);
    next[at] = changed.field;
    breaking = changed.breaking;
  }
  return { document: render({ ...model, [area]: next }) as Json, breaking, names };
}

const operationKinds = ['remove retrieve', 'remove create', 'rename path', 'add operation'] as const;

function mutateOperation(model: ApiModel, kind: (typeof operationKinds)[number]): Mutation {
  const document = render(model) as Json & { paths: Record<string, Record<string, unknown>> };
  const { paths } = document;
  if (kind === 'remove retrieve') delete paths[routes.item]!.get;
  if (kind === 'remove create') delete paths[routes.list]!.post;
  if (kind === 'rename path') {
    paths[routes.item.replace('items', 'things')] = paths[routes.item]!;
    delete paths[routes.item];
  }
  if (kind === 'add operation') paths['/items/{id}/history'] = structuredClone(paths[routes.item]!);
  const names = { 'remove retrieve': 'GET /items/{id}', 'remove create': 'POST /items' }[kind as string];
  return { document, breaking: kind !== 'add operation', names: names ?? 'GET /items/{id}' };
}

const fieldMutationArb = (area: Area) =>
  fc
    .record({ model: apiModelArb, kind: fc.constantFrom(...kinds), target: fc.nat(), added: fieldArb() })
    .map(({ model, kind, target, added }) => ({
      model,
      label: `${kind} on ${area}`,
      ...mutateField(model, area, kind, target, added),
    }));

const operationMutationArb = fc
  .record({ model: apiModelArb, kind: fc.constantFrom(...operationKinds) })
  .map(({ model, kind }) => ({ model, label: kind, ...mutateOperation(model, kind) }));

/** Checks that each drawn mutation gets its verdict, and that a breaking one is reported where it happened. */
const judgedAsExpected = (mutations: fc.Arbitrary<Mutation & { model: ApiModel; label: string }>, numRuns: number) =>
  fc.assert(
    fc.property(mutations, ({ model, document, breaking, names, label }) => {
      const changes = classify(render(model) as Json, document);
      const broken = changes.filter((change) => change.breaking);
      expect(broken.length > 0, `${label}: ${JSON.stringify(changes, null, 1)}`).toBe(breaking);
      if (breaking) {
        const place = new RegExp(`(^|[ /])${names.replace(/[{}]/g, '\\$&')}$`, 'm');
        expect(broken.map((change) => change.where).join('\n')).toMatch(place);
      }
    }),
    { numRuns },
  );

describe('check:breaking on drawn APIs (a list with query parameters, a retrieve, a create with a JSON body)', () => {
  it.each<[string, Area]>([
    ['a query parameter (by $ref or inline)', 'parameters'],
    ['a field of the JSON request body (by $ref or inline)', 'request'],
    ['a field of the response (by $ref, in three operations)', 'response'],
  ])(
    'remove, rename, retype, narrow, widen, add optional or add required on %s: each gets its verdict and breaking ones are named',
    (_, area) => {
      judgedAsExpected(fieldMutationArb(area), 100);
    },
  );

  it('an operation removed or moved to another path breaks its callers; one added does not', () => {
    judgedAsExpected(operationMutationArb, 20);
  });

  it('finds nothing between a drawn API and itself', () => {
    fc.assert(
      fc.property(
        apiModelArb,
        (model) => void expect(classify(render(model) as Json, render(model) as Json)).toEqual([]),
      ),
      { numRuns: 30 },
    );
  });
});
