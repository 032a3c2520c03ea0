/**
 * A small API described by a model, rendered as an OpenAPI 3.1 bundle the way `npm run generate`
 * writes one (`$ref`s into `components`): a list with query parameters, a retrieve, and a create
 * (`POST` with a JSON body), all returning one `Item` schema. The breaking-change property test
 * draws models and mutations of known kinds on them, and knows each one's verdict.
 */
import fc from 'fast-check';

export type FieldType = 'string' | 'integer' | 'boolean';

export interface Field {
  name: string;
  type: FieldType;
  required: boolean;
  /** Values the field takes, when it is an enum (strings or integers, as its type). */
  values?: (string | number)[];
  /** An integer's largest value. */
  maximum?: number;
  /** Written as its own component under `$ref` (parameters and the request body), or inline. */
  byRef: boolean;
  /** Whether null is allowed too (`type: [t, 'null']`). */
  nullable?: boolean;
}

export interface ApiModel {
  parameters: Field[];
  request: Field[];
  requestByRef: boolean;
  response: Field[];
}

export const routes = { list: '/items', item: '/items/{id}' };

const name = fc.stringMatching(/^[a-z][a-z_]{1,10}$/);

export const fieldArb = (fieldName: fc.Arbitrary<string> = name): fc.Arbitrary<Field> =>
  fc
    .record({
      name: fieldName,
      type: fc.constantFrom<FieldType>('string', 'integer', 'boolean'),
      required: fc.boolean(),
      byRef: fc.boolean(),
      withEnum: fc.boolean(),
      withMaximum: fc.boolean(),
      strings: fc.uniqueArray(name, { minLength: 2, maxLength: 4 }),
      integers: fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 4 }),
      maximum: fc.integer({ min: 1, max: 10_000 }),
    })
    .map(({ withEnum, withMaximum, strings, integers, maximum, ...field }): Field => {
      if (withEnum && field.type !== 'boolean')
        return { ...field, values: field.type === 'string' ? strings : integers };
      if (withMaximum && field.type === 'integer') return { ...field, maximum };
      return field;
    });

const fields = fc.uniqueArray(fieldArb(), { minLength: 1, maxLength: 5, selector: (field) => field.name });

export const apiModelArb: fc.Arbitrary<ApiModel> = fc.record({
  parameters: fields,
  request: fields,
  requestByRef: fc.boolean(),
  response: fields,
});

/** A JSON Schema for a field. */
function schemaOf(field: Field): Record<string, unknown> {
  return {
    type: field.nullable ? [field.type, 'null'] : field.type,
    description: `The ${field.name}.`,
    ...(field.values && { enum: field.values }),
    ...(field.maximum !== undefined && { maximum: field.maximum }),
  };
}

const component = (field: Field) => `P_${field.name}`;

/** An object schema of fields. */
function objectOf(list: Field[]): Record<string, unknown> {
  return {
    type: 'object',
    description: 'An object.',
    required: list.filter((field) => field.required).map((field) => field.name),
    properties: Object.fromEntries(list.map((field) => [field.name, schemaOf(field)])),
  };
}

/** The model as a bundled OpenAPI 3.1 document. */
export function render(model: ApiModel): Record<string, unknown> {
  const item = { $ref: '#/components/schemas/Item' };
  const ok = (schema: unknown) => ({ description: 'OK', content: { 'application/json': { schema } } });
  const parameter = (field: Field) => ({
    name: field.name,
    in: 'query',
    required: field.required,
    description: `The ${field.name}.`,
    schema: schemaOf(field),
  });
  const requestSchema = objectOf(model.request);
  return {
    openapi: '3.1.0',
    info: { title: 'Items', version: '1.0.0' },
    paths: {
      [routes.list]: {
        get: {
          operationId: 'listItems',
          parameters: model.parameters.map((field) =>
            field.byRef ? { $ref: `#/components/parameters/${component(field)}` } : parameter(field),
          ),
          responses: {
            '200': ok({ type: 'object', properties: { data: { type: 'array', items: item } }, required: ['data'] }),
          },
        },
        post: {
          operationId: 'createItem',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: model.requestByRef ? { $ref: '#/components/schemas/ItemCreate' } : requestSchema,
              },
            },
          },
          responses: { '201': ok(item) },
        },
      },
      [routes.item]: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: { operationId: 'retrieveItem', responses: { '200': ok(item) } },
      },
    },
    components: {
      parameters: Object.fromEntries(
        model.parameters.filter((field) => field.byRef).map((field) => [component(field), parameter(field)]),
      ),
      schemas: { Item: objectOf(model.response), ...(model.requestByRef && { ItemCreate: requestSchema }) },
    },
  };
}
