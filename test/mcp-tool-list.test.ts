/**
 * The MCP tools are built from the catalog alone: an operation the spec gains is a tool with its
 * name, description and input schema, and a parameter of the spec keeps its name even when it is
 * one the tool would take for its own arguments.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../generated/catalog.js';
import { listItemPaths } from '../generated/operations.js';
import type { CatalogEntry, ItemPaths } from '../src/cli/mcp/catalog-entry.js';
import { buildTools, type Facts, toolName } from '../src/cli/mcp/tool-list.js';

const generated = { catalog, itemPaths: listItemPaths } as unknown as Facts;
const listWidgets: CatalogEntry = {
  method: 'GET',
  summary: 'List all widgets',
  description: 'Returns your widgets, a page at a time.',
  writes: false,
  paginated: true,
  parameters: [
    {
      name: 'fields',
      in: 'query',
      required: false,
      description: 'A filter named as a tool argument is.',
      schema: { type: 'string' },
    },
    {
      name: 'offset',
      in: 'query',
      required: false,
      description: 'Offset for pagination.',
      schema: { type: 'integer', minimum: 0 },
    },
  ],
};
const createWidget: CatalogEntry = {
  method: 'POST',
  summary: 'Create a widget',
  description: 'Creates a widget.',
  writes: true,
  paginated: false,
  parameters: [],
  body: {
    required: true,
    description: 'The widget.',
    schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
  },
  idempotencyKey: true,
};
const widgetPaths: ItemPaths = { paths: ['id', 'name', 'extra'], mapPaths: ['metadata'] };
const grown: Facts = {
  catalog: { ...generated.catalog, listWidgets, createWidget },
  itemPaths: { ...generated.itemPaths, listWidgets: widgetPaths },
};

describe('tools from a catalog', () => {
  it('an operation added to the catalog is a tool, named, described and typed from it', () => {
    const before = buildTools({ allowWrites: true }, generated).map((plan) => plan.tool.name);
    const tools = buildTools({ allowWrites: true }, grown).map((plan) => plan.tool);
    expect(tools.map((tool) => tool.name)).toEqual([...before, 'list_widgets', 'create_widget']);
    const list = tools.find((tool) => tool.name === 'list_widgets')!;
    expect(list.description).toContain('Returns your widgets, a page at a time.');
    expect(list.description).toContain('- `offset`: Offset for pagination.');
    expect(list.inputSchema.properties!.offset).toEqual({
      type: 'integer',
      minimum: 0,
      description: 'Offset for pagination.',
    });
    const create = tools.find((tool) => tool.name === 'create_widget')!;
    expect(create.inputSchema.required).toEqual(['body']);
    expect(create.inputSchema.properties!.idempotency_key).toMatchObject({ type: 'string', maxLength: 255 });
    expect(buildTools({ allowWrites: false }, grown).map((plan) => plan.tool.name)).not.toContain('create_widget');
  });

  it("gives a tool's own argument a `_` when the spec names a parameter so, and the extra field too", () => {
    const list = buildTools({ allowWrites: false }, grown).find((plan) => plan.operationId === 'listWidgets')!;
    expect(list.own).toEqual({ fields: '_fields', max: 'max' });
    const properties = list.tool.inputSchema.properties as Record<string, { items?: { anyOf: [{ enum: string[] }] } }>;
    expect(properties.fields).toMatchObject({ type: 'string' });
    expect(properties._fields!.items!.anyOf[0].enum).toEqual(['id', 'name', 'extra', '_extra']);
  });

  it('names a tool after its operationId in snake case, within what MCP clients accept', () => {
    expect(toolName('listCheckoutSessions')).toBe('list_checkout_sessions');
    expect(toolName('get-v1.sessions')).toBe('get-v1_sessions');
    expect(toolName(`x${'Y'.repeat(100)}`)).toMatch(/^[a-z0-9_-]{1,64}$/);
  });

  it('refuses two operations that would be one tool', () => {
    const twins: Facts = {
      catalog: { ...grown.catalog, list_widgets: listWidgets },
      itemPaths: { ...grown.itemPaths, list_widgets: widgetPaths },
    };
    expect(() => buildTools({ allowWrites: false }, twins)).toThrow(
      /list_widgets and listWidgets would both be the tool list_widgets/,
    );
  });
});
