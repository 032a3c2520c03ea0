/**
 * generated/operations.ts's listItemFields and listItemPaths, read against the bundled spec itself: the CLI's CSV
 * columns are the item schema's properties in spec order, and --fields accepts every path into
 * its nested objects, however the spec reaches them ($ref, oneOf with null), and nothing else.
 */
import { describe, expect, it } from 'vitest';
import document from '../generated/openapi.json' with { type: 'json' };
import { listItemFields, listItemPaths, operationMetadata } from '../generated/operations.js';

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: unknown;
};
const schemas = document.components.schemas as unknown as Record<string, Schema>;
const named = (schema: Schema): Schema => (schema.$ref ? named(schemas[schema.$ref.split('/').at(-1)!]!) : schema);
/** The object schemas a property may hold: itself, or the variants of its oneOf or anyOf. */
const objects = (schema: Schema): Schema[] =>
  [named(schema), ...(named(schema).oneOf ?? []), ...(named(schema).anyOf ?? [])]
    .map(named)
    .filter((s) => s.properties);

describe('listItemFields and listItemPaths', () => {
  const { pagination, success } = operationMetadata.listCheckoutSessions;
  const items = listItemPaths.listCheckoutSessions;
  const list = schemas[success.schema]!;
  const item = named((list.properties![pagination.itemsField] as { items: Schema }).items);

  it("lists the item schema's top-level properties, in spec order", () => {
    expect(listItemFields.listCheckoutSessions).toEqual(Object.keys(item.properties!));
  });

  it('lists every path into nested objects, and only those', () => {
    const expected: string[] = [];
    const walk = (schema: Schema, prefix: string) => {
      for (const object of objects(schema)) {
        for (const [name, property] of Object.entries(object.properties!)) {
          if (!expected.includes(`${prefix}${name}`)) expected.push(`${prefix}${name}`);
          walk(property, `${prefix}${name}.`);
        }
      }
    };
    walk(item, '');
    expect([...items.paths].sort()).toEqual(expected.sort());
    expect(items.paths).toContain('total_details.amount_tax');
  });

  it('marks the objects whose keys are free', () => {
    for (const path of items.mapPaths) {
      const schema = named(item.properties![path]!);
      expect(schema.additionalProperties).toBeTruthy();
      expect(schema.properties).toBeUndefined();
    }
  });
});
