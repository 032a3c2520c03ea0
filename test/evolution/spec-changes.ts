/**
 * Ordinary changes a spec owner makes to spec/, applied to a scratch copy of the repo. Each edits
 * spec/ only, through the YAML document model so that comments and layout stay as they were.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parseDocument, visit } from 'yaml';

export const renamedCursor = 'after_session';
export const newFilter = 'customer';
export const newStatus = 'OPEN';
export const newMaximum = 250;
export const newField = 'channel';
export const unimplemented = { id: 'listCheckoutSessionLineItems', path: '/checkout/sessions/{id}/line_items' };

function edit(dir: string, file: string, change: (document: ReturnType<typeof parseDocument>) => void): void {
  const path = join(dir, 'spec', file);
  const document = parseDocument(readFileSync(path, 'utf8'));
  change(document);
  writeFileSync(path, document.toString());
}

const write = (dir: string, file: string, text: string) => writeFileSync(join(dir, 'spec', file), text);

/** Renames the cursor, the one parameter and the x-pagination fact that name it. */
export function renameCursor(dir: string): void {
  edit(dir, 'components/parameters/Cursor.yaml', (document) => document.set('name', renamedCursor));
  edit(dir, 'paths/checkout_sessions.yaml', (document) =>
    document.setIn(['get', 'x-pagination', 'cursorParam'], renamedCursor),
  );
}

/**
 * Adds a `customer` filter to the list, the way this spec writes every parameter: a new parameter
 * file, referenced by `$ref` from the list and the root. Optional unless said otherwise.
 */
export function addFilter(dir: string, required = false): void {
  write(
    dir,
    'components/parameters/Customer.yaml',
    `name: ${newFilter}
in: query
required: ${required}
description: Only the sessions of this customer.
schema:
  type: string
  description: The \`id\` of a customer.
  minLength: 1
example: cus_R4nD0mL00psCu5t
`,
  );
  edit(dir, 'paths/checkout_sessions.yaml', (document) =>
    document.addIn(['get', 'parameters'], { $ref: '../components/parameters/Customer.yaml' }),
  );
  edit(dir, 'openapi.yaml', (document) =>
    document.setIn(['components', 'parameters', 'Customer'], { $ref: 'components/parameters/Customer.yaml' }),
  );
}

/** Removes the `customer` filter that addFilter added: its file and both references to it. */
export function removeFilter(dir: string): void {
  rmSync(join(dir, 'spec/components/parameters/Customer.yaml'));
  edit(dir, 'paths/checkout_sessions.yaml', (document) => {
    const parameters = document.getIn(['get', 'parameters']) as { items: { toJSON(): { $ref?: string } }[] };
    parameters.items = parameters.items.filter((item) => !item.toJSON().$ref?.endsWith('/Customer.yaml'));
  });
  edit(dir, 'openapi.yaml', (document) => document.deleteIn(['components', 'parameters', 'Customer']));
}

export function addStatus(dir: string): void {
  edit(dir, 'components/parameters/Status.yaml', (document) => document.addIn(['schema', 'enum'], newStatus));
}

/** Raises the page size's maximum, and with it the bound on a page's sessions (`generate` checks they agree). */
export function raiseLimit(dir: string, maximum = newMaximum): void {
  edit(dir, 'components/parameters/Limit.yaml', (document) => document.setIn(['schema', 'maximum'], maximum));
  edit(dir, 'components/schemas/CheckoutSessionList.yaml', (document) =>
    document.setIn(['properties', 'data', 'maxItems'], maximum),
  );
}

/**
 * Limits `limit` to a few values where it took any in its bounds: its minimum, default, example
 * and maximum, as the spec gives them (so that the spec still lints clean).
 */
export function enumOnLimit(dir: string): number[] {
  let values: number[] = [];
  edit(dir, 'components/parameters/Limit.yaml', (document) => {
    const read = (...path: string[]) => document.getIn(path) as number | undefined;
    const given = [read('schema', 'minimum'), read('schema', 'default'), read('example'), read('schema', 'maximum')];
    values = [...new Set(given.filter((value) => value !== undefined))].sort((a, b) => a - b);
    document.setIn(['schema', 'enum'], values);
  });
  return values;
}

export function addResponseField(dir: string): void {
  edit(dir, 'components/schemas/CheckoutSession.yaml', (document) =>
    document.setIn(['properties', newField], {
      type: ['string', 'null'],
      description: 'Where the customer started the checkout.',
      examples: ['web'],
    }),
  );
}

/**
 * Adds an operation that the fake server does not implement: it must answer 501, not a spec-valid
 * 404. It declares the error responses every operation has (the OWASP lint asks for 400, 401, 429, 500).
 */
export function addOperation(dir: string): void {
  write(
    dir,
    'paths/checkout_sessions_{id}_line_items.yaml',
    `parameters:
  - $ref: ../components/parameters/SessionId.yaml
get:
  operationId: ${unimplemented.id}
  summary: List the line items of a checkout session
  description: Returns the line items that a checkout session sold (the session schema stands in for them here).
  tags:
    - Checkout Sessions
  security:
    - bearerAuth: []
  responses:
    '200':
      description: The line items.
      headers:
        x-request-id:
          $ref: ../components/headers/X-Request-Id.yaml
      content:
        application/json:
          schema:
            $ref: ../components/schemas/CheckoutSession.yaml
    '400':
      $ref: ../components/responses/BadRequest.yaml
    '401':
      $ref: ../components/responses/Unauthorized.yaml
    '404':
      $ref: ../components/responses/NotFound.yaml
    '429':
      $ref: ../components/responses/TooManyRequests.yaml
    '500':
      $ref: ../components/responses/InternalServerError.yaml
    default:
      $ref: ../components/responses/UnexpectedError.yaml
`,
  );
  edit(dir, 'openapi.yaml', (document) =>
    document.setIn(['paths', unimplemented.path], { $ref: 'paths/checkout_sessions_{id}_line_items.yaml' }),
  );
}

/**
 * Removes a field of the checkout session, as a spec owner would: from the schema, its `required`,
 * and every session of the examples (so that the spec still lints clean).
 */
export function removeSessionField(dir: string, field: string): void {
  edit(dir, 'components/schemas/CheckoutSession.yaml', (document) => {
    document.deleteIn(['properties', field]);
    const required = document.getIn(['required']) as { items: { value: string }[] };
    required.items = required.items.filter((item) => item.value !== field);
  });
  for (const name of readdirSync(join(dir, 'spec/components/examples'))) {
    edit(dir, `components/examples/${name}`, (document) =>
      visit(document, {
        Map(_, map) {
          if (isMap(map) && map.get('object') === 'checkout.session') map.delete(field);
        },
      }),
    );
  }
}

/** Drops the pending changesets, so that the gate sees a change that asks for no version bump. */
export function withoutChangesets(dir: string): void {
  const folder = join(dir, '.changeset');
  for (const name of readdirSync(folder)) if (name.endsWith('.md') && name !== 'README.md') rmSync(join(folder, name));
}

export const allChanges = [renameCursor, addFilter, addStatus, raiseLimit, addResponseField, addOperation];
