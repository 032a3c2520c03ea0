import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const document = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, unknown> };
};

// The spec's schemas as one JSON Schema, its $refs pointed at $defs, so that Ajv checks them as written.
const schemas = JSON.parse(
  JSON.stringify(document.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'),
) as Record<string, unknown>;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
ajv.addFormat('unix-time', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= 0 });
ajv.addSchema({ $id: 'loops', $defs: schemas });

/** A validator for one of the spec's component schemas, by name. */
export function schemaValidator(name: string): ValidateFunction {
  const validate = ajv.getSchema(`loops#/$defs/${name}`);
  if (!validate) throw new Error(`spec/ has no schema ${name}`);
  return validate;
}
