/**
 * `loops-checkout mcp` lists a tool for each operation of the spec, from generated/ alone: its name
 * from the operationId, its description from the operation's and its parameters', and an input
 * schema that takes exactly what the spec takes. Tools that change data only with --allow-writes.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { catalog } from '../generated/catalog.js';
import { listItemPaths, operationMetadata } from '../generated/operations.js';
import { maxItems } from '../src/cli/mcp/bounds.js';
import { fakeSessions } from '../src/testing/index.js';
import { bodyExamples, bodySchema, broken, valid } from './support/bodies.js';
import { textOf, toolOf, useMcp } from './support/mcp.js';
import { schemaValidator } from './support/schema.js';

const mcp = useMcp(fakeSessions(20));
const entries = Object.entries(catalog);
const readOnly = entries.filter(([, entry]) => !entry.writes).map(([id]) => toolOf(id));
const writing = entries.filter(([, entry]) => entry.writes);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);

async function listTools(args: string[] = []) {
  const session = await mcp.connect(args);
  return { session, tools: (await session.client.listTools()).tools };
}

describe('tools/list', () => {
  it('lists one tool per operation that reads, named after its operationId in snake case, and none that writes', async () => {
    const { tools } = await listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...readOnly].sort());
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[a-z0-9_]{1,64}$/);
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    }
  });

  it('describes each tool by its summary, description and every parameter; each parameter keeps its description and rules', async () => {
    const { tools } = await listTools(['--allow-writes']);
    for (const [id, entry] of entries) {
      const tool = tools.find((t) => t.name === toolOf(id))!;
      expect(tool.title).toBe(entry.summary);
      expect(tool.description).toContain(entry.summary);
      expect(tool.description).toContain(entry.description);
      const properties = tool.inputSchema.properties as Record<string, Record<string, unknown>>;
      const operation = operationMetadata[id as keyof typeof operationMetadata];
      for (const parameter of entry.parameters) {
        expect(tool.description).toContain(parameter.description.split('\n\n')[0]!.replace(/\s*\n\s*/g, ' '));
        expect(properties[parameter.name]!.description).toBe(parameter.description);
        const rules = { ...operation.pathParams, ...operation.query } as Record<string, Record<string, unknown>>;
        const { required, ...rule } = rules[parameter.name]!;
        expect(properties[parameter.name]).toMatchObject(rule);
        expect(tool.inputSchema.required?.includes(parameter.name)).toBe(required === true);
      }
      expect(tool.inputSchema.additionalProperties).toBe(false);
    }
  });

  it('gives a list tool `fields` (every path of its items) and `max` (up to the bound)', async () => {
    const { tools } = await listTools();
    for (const [id, entry] of entries.filter(([, e]) => e.paginated)) {
      const properties = tools.find((t) => t.name === toolOf(id))!.inputSchema.properties as Record<
        string,
        { items: { anyOf: [{ enum: string[] }, { pattern: string }] } }
      >;
      expect(properties.max).toMatchObject({ type: 'integer', minimum: 1, maximum: maxItems });
      const paths = listItemPaths[id as keyof typeof listItemPaths];
      expect(properties.fields!.items.anyOf[0].enum).toEqual(expect.arrayContaining([...paths.paths]));
      const pattern = new RegExp(properties.fields!.items.anyOf[1].pattern);
      for (const map of paths.mapPaths) expect(pattern.test(`${map}.any_key`)).toBe(true);
      expect(entry.parameters.length).toBeGreaterThan(0);
    }
  });
});

describe('read-only unless --allow-writes', () => {
  it('refuses a call of a tool that writes, saying why, and sends nothing', async () => {
    const session = await mcp.connect();
    for (const [id] of writing) {
      await expect(session.call(toolOf(id), {})).rejects.toThrow(/changes data.*--allow-writes/);
    }
    expect(mcp.cli.fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    await vi.waitFor(() => expect(session.stderr()).toMatch(/read-only: --allow-writes adds/));
  });

  it.each(writing)(
    'with --allow-writes, %s is a tool whose body schema takes exactly what the spec takes',
    async (id, entry) => {
      const { session, tools } = await listTools(['--allow-writes']);
      const tool = tools.find((t) => t.name === toolOf(id))!;
      expect(tool.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: entry.method !== 'POST' });
      expect(tool.inputSchema.required).toContain('body');
      const method = entry.method.toLowerCase();
      const viaTool = ajv.compile(tool.inputSchema);
      const schema = bodySchema(method, entry.path);
      // The spec's own schema, as test/support/schema.ts checks it: by its component's name.
      const viaSpec =
        typeof schema.$ref === 'string' ? schemaValidator(schema.$ref.split('/').at(-1)!) : ajv.compile(schema);
      fc.assert(
        fc.property(fc.oneof(valid(schema), broken(schema)), (body) => {
          expect(viaTool({ body })).toBe(viaSpec(body));
        }),
        { numRuns: 200 },
      );
      const example = Object.values(bodyExamples(method, entry.path))[0];
      const result = await session.call(toolOf(id), { body: example });
      expect(result.isError).toBeUndefined();
      expect(JSON.parse(textOf(result))).toEqual(expect.any(Object));
      expect(mcp.cli.fake.requests.filter((r) => r.method === entry.method)).toHaveLength(1);
    },
  );
});
