/**
 * New operations a spec owner adds: a second list, paged by offset (`GET /products`, as Loops pages its
 * v3 products list), and a POST with a JSON body and an idempotency key (`POST /products`). Spec files
 * only, written as a spec owner would, with `x-sdk-method` naming their SDK methods.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

export const products = { list: 'listProducts', create: 'createProduct', path: '/products', maximum: 50 };

const productFields = `
  id:
    type: string
    description: Unique identifier of the product.
    examples:
      - prod_8HkQ2Loops
  name:
    type: string
    description: What the customer sees on the checkout page.
    examples:
      - Pro plan (annual)
  unit_amount:
    type: integer
    format: int64
    description: The price of one unit, in the currency's smallest unit.
    examples:
      - 4900`;

const schemas: Record<string, string> = {
  'Product.yaml': `type: object
description: A product that checkout sessions sell.
required:
  - id
  - name
  - unit_amount
properties:${productFields}
`,
  'ProductList.yaml': `type: object
description: One page of products.
required:
  - data
  - has_more
properties:
  data:
    type: array
    description: The products of this page.
    maxItems: ${products.maximum}
    items:
      $ref: ./Product.yaml
  has_more:
    type: boolean
    description: Whether more products follow this page.
`,
  'ProductCreateParams.yaml': `type: object
description: A new product.
required:
  - name
  - unit_amount
additionalProperties: false
properties:
  name:
    type: string
    description: What the customer sees on the checkout page.
    minLength: 1
    maxLength: 200
    examples:
      - Pro plan (annual)
  unit_amount:
    type: integer
    format: int64
    description: The price of one unit, in the currency's smallest unit.
    minimum: 0
    maximum: 99999999
    examples:
      - 4900
`,
};

const path = `get:
  operationId: ${products.list}
  summary: List all products
  description: Returns your products, a page at a time, paged by offset.
  tags:
    - Products
  x-sdk-method: products.list
  x-pagination:
    style: offset
    limitParam: limit
    offsetParam: offset
    itemsField: data
    hasMoreField: has_more
  security:
    - bearerAuth: []
  parameters:
    - name: limit
      in: query
      description: Number of products to return.
      schema:
        type: integer
        format: int32
        description: The page size.
        minimum: 1
        maximum: ${products.maximum}
        default: 10
    - name: offset
      in: query
      description: Offset for pagination.
      schema:
        type: integer
        format: int32
        description: How many products to skip.
        minimum: 0
        maximum: 1000000
  responses:
    '200':
      description: One page of products.
      headers:
        x-request-id:
          $ref: ../components/headers/X-Request-Id.yaml
      content:
        application/json:
          schema:
            $ref: ../components/schemas/ProductList.yaml
    '400':
      $ref: ../components/responses/BadRequest.yaml
    '401':
      $ref: ../components/responses/Unauthorized.yaml
    '429':
      $ref: ../components/responses/TooManyRequests.yaml
    '500':
      $ref: ../components/responses/InternalServerError.yaml
    default:
      $ref: ../components/responses/UnexpectedError.yaml
post:
  operationId: ${products.create}
  summary: Create a product
  description: Creates a product. An idempotency key makes a retried create count once.
  tags:
    - Products
  x-sdk-method: products.create
  security:
    - bearerAuth: []
  parameters:
    - name: Idempotency-Key
      in: header
      description: A key of yours; the same key on a retry makes it count once.
      schema:
        type: string
        description: Up to 255 visible characters.
        minLength: 1
        maxLength: 255
  requestBody:
    required: true
    description: The product to create.
    content:
      application/json:
        schema:
          $ref: ../components/schemas/ProductCreateParams.yaml
        examples:
          plan:
            summary: A plan
            value:
              name: Pro plan (annual)
              unit_amount: 4900
  responses:
    '200':
      description: The new product.
      headers:
        x-request-id:
          $ref: ../components/headers/X-Request-Id.yaml
      content:
        application/json:
          schema:
            $ref: ../components/schemas/Product.yaml
    '400':
      $ref: ../components/responses/BadRequest.yaml
    '401':
      $ref: ../components/responses/Unauthorized.yaml
    '429':
      $ref: ../components/responses/TooManyRequests.yaml
    '500':
      $ref: ../components/responses/InternalServerError.yaml
    default:
      $ref: ../components/responses/UnexpectedError.yaml
`;

/** Adds the products list and create: their path file, schemas, the root's references and a tag. */
export function addProducts(dir: string): void {
  for (const [file, text] of Object.entries(schemas)) writeFileSync(join(dir, 'spec/components/schemas', file), text);
  writeFileSync(join(dir, 'spec/paths/products.yaml'), path);
  const rootFile = join(dir, 'spec/openapi.yaml');
  const document = parseDocument(readFileSync(rootFile, 'utf8'));
  document.setIn(['paths', products.path], { $ref: 'paths/products.yaml' });
  for (const file of Object.keys(schemas)) {
    document.setIn(['components', 'schemas', file.replace('.yaml', '')], { $ref: `components/schemas/${file}` });
  }
  document.addIn(['tags'], { name: 'Products', description: 'The products your checkout sessions sell.' });
  writeFileSync(rootFile, document.toString());
}
