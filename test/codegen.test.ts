import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operationMetadata } from '../generated/operations.js';
import { renderOperations } from '../scripts/codegen/operations.js';
import { itemsField, limitBounds, limitParam } from './support/spec.js';

type Bundle = {
  components: {
    parameters: Record<string, { name: string; schema: { maximum: number } }>;
    schemas: Record<string, { properties: Record<string, { maxItems?: number }> }>;
  };
};
const bundle = JSON.parse(readFileSync(new URL('../generated/openapi.json', import.meta.url), 'utf8')) as Bundle;
const listSchema = operationMetadata.listCheckoutSessions.success.schema;

/** The bundle with the page size's maximum and the bound on a page's items set as given. */
function withBounds(maximum: number, maxItems: number | undefined): Bundle {
  const changed = structuredClone(bundle);
  Object.values(changed.components.parameters).find((p) => p.name === limitParam)!.schema.maximum = maximum;
  const items = changed.components.schemas[listSchema]!.properties[itemsField]!;
  if (maxItems === undefined) delete items.maxItems;
  else items.maxItems = maxItems;
  return changed;
}

describe('npm run generate checks the list against its page size', () => {
  it("refuses a page bound (maxItems) that is not the page size's maximum, saying which to make equal", () => {
    const raised = limitBounds.maximum * 2;
    expect(() => renderOperations(withBounds(raised, limitBounds.maximum) as never)).toThrow(
      `${listSchema}.${itemsField} has maxItems ${limitBounds.maximum} but ${limitParam}'s maximum is ${raised}`,
    );
  });

  it('takes a page bound equal to the maximum, or none', () => {
    const raised = limitBounds.maximum * 2;
    expect(() => renderOperations(withBounds(raised, raised) as never)).not.toThrow();
    expect(() => renderOperations(withBounds(raised, undefined) as never)).not.toThrow();
  });
});
