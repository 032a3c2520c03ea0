/**
 * The MCP tools: one per operation of the spec (generated/catalog.ts), so that a new operation becomes
 * a tool with `npm run generate` alone. A tool is named after its operationId in snake case
 * (`listCheckoutSessions` is `list_checkout_sessions`: verb first, as agents read tool names, and
 * within the `^[a-zA-Z0-9_-]{1,64}$` that clients such as Claude's accept), titled by its summary,
 * described by its description and each parameter's, its input schema the spec's (input-schema.ts).
 * Tools of operations that change state are listed only when writes are allowed.
 */
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { catalog } from '../../../generated/catalog.js';
import { listItemPaths } from '../../../generated/operations.js';
import { resultChars } from './bounds.js';
import type { CatalogEntry, ItemPaths } from './catalog-entry.js';
import { inputSchemaOf, type OwnNames, ownNamesOf } from './input-schema.js';

export interface ToolPlan {
  /** The operationId the tool calls. */
  operationId: string;
  entry: CatalogEntry;
  /** The names of the tool's own arguments. */
  own: OwnNames;
  /** What tools/list shows of it. */
  tool: Tool;
}

/** What the tools are built from: the generated catalog and list items' paths, unless a test gives others. */
export interface Facts {
  catalog: Readonly<Record<string, CatalogEntry>>;
  itemPaths: Readonly<Record<string, ItemPaths>>;
}

const generated: Facts = { catalog, itemPaths: listItemPaths } as unknown as Facts;

/** `listCheckoutSessions` as a tool name: `list_checkout_sessions`; any character a client refuses becomes `_`. */
export function toolName(operationId: string): string {
  const snake = operationId
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .toLowerCase();
  return snake.slice(0, 64);
}

/** The first paragraph of a description: the rest is in the input schema. */
const firstParagraph = (text: string) => text.split(/\n\s*\n/)[0]!.replace(/\s*\n\s*/g, ' ');

function describe(entry: CatalogEntry, own: OwnNames): string {
  const parts = [entry.summary, entry.description].filter(Boolean);
  const parameters = entry.parameters.filter((p) => p.description);
  if (parameters.length) {
    parts.push(`Parameters:\n${parameters.map((p) => `- \`${p.name}\`: ${firstParagraph(p.description)}`).join('\n')}`);
  }
  if (entry.paginated) {
    const cursor = 'the arguments to add to this call for the page after the last item returned, null at the end';
    parts.push(
      `Returns JSON: \`items\` (one page, or with \`${own.max}\` up to that many across pages), \`has_more\` ` +
        `(whether items follow the last one returned), \`next_page\` (${cursor}) and, when the result stops before ` +
        `the end of the list (at \`${own.max}\`, or cut to stay under ${resultChars} characters), ` +
        '`truncated` (`max` or `size`) and a `notice` that says how to go on. Nothing is dropped without saying so.',
    );
  } else {
    parts.push('Returns the JSON object the API answered.');
  }
  if (entry.writes) parts.push('Changes data: offered only because the server was started with --allow-writes.');
  return parts.join('\n\n');
}

/** The tools of the spec's operations; those that change state only when allowWrites. */
export function buildTools({ allowWrites }: { allowWrites: boolean }, facts: Facts = generated): ToolPlan[] {
  const plans: ToolPlan[] = [];
  const names = new Map<string, string>();
  for (const [operationId, entry] of Object.entries(facts.catalog)) {
    if (entry.writes && !allowWrites) continue;
    const name = toolName(operationId);
    if (names.has(name)) throw new Error(`${operationId} and ${names.get(name)} would both be the tool ${name}`);
    names.set(name, operationId);
    const own = ownNamesOf(entry);
    const paths = facts.itemPaths[operationId];
    if (entry.paginated && !paths) throw new Error(`${operationId} is a list without item paths`);
    const method = entry.method.toUpperCase();
    const tool: Tool = {
      name,
      title: entry.summary,
      description: describe(entry, own),
      inputSchema: inputSchemaOf(entry, own, paths),
      annotations: {
        title: entry.summary,
        readOnlyHint: !entry.writes,
        // A create adds; a PUT, PATCH or DELETE may replace or remove.
        destructiveHint: entry.writes && method !== 'POST',
        idempotentHint: !entry.writes || method === 'PUT' || method === 'DELETE',
        openWorldHint: true,
      },
    };
    plans.push({ operationId, entry, own, tool });
  }
  return plans;
}
