import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/harness/paths.js';
import { createScratchCopy, type ScratchCopy } from '../../scripts/harness/scratch.js';
import { toolOf } from '../support/mcp.js';
import { addProducts, products } from './new-operations.js';
import { allProducts } from './product-server.js';
import {
  allChanges,
  newField,
  newFilter,
  newMaximum,
  newStatus,
  renamedCursor,
  unimplemented,
  withoutChangesets,
} from './spec-changes.js';

const here = dirname(fileURLToPath(import.meta.url));
const probe = join(here, 'probe.ts');

// What a user of the new operations writes, type-checked against the scratch copy's generated SDK.
const typedUse = `import { Loops, type PagePromise, type Product, type ProductList } from '@loops-fi/checkout';
declare const loops: Loops;
export const list: PagePromise<Product, ProductList, Record<string, number>> = loops.products.list({ limit: 5, offset: 10 });
export const created: Promise<Product> = loops.products.create({ name: 'Pro plan', unit_amount: 4900 }, { idempotencyKey: 'k-1' });
// @ts-expect-error unit_amount is required
void loops.products.create({ name: 'Pro plan' });
// @ts-expect-error offset is an integer
void loops.products.list({ offset: 'ten' });
// @ts-expect-error a create takes no prefetch: it is no list
void loops.products.create({ name: 'Pro plan', unit_amount: 1 }, { prefetch: false });
`;
let scratch: ScratchCopy;
const inScratch = (command: string, args: string[], env?: Record<string, string>) => scratch.run(command, args, env);

beforeAll(() => {
  scratch = createScratchCopy('loops-evolution-');
  withoutChangesets(scratch.dir);
  // The starting point the last check compares with: the repo, less its pending changesets.
  scratch.git('-c', 'user.name=evolution', '-c', 'user.email=evolution@example.com', 'commit', '-qam', 'no changesets');
  for (const change of [...allChanges, addProducts]) change(scratch.dir);
  inScratch('npm', ['run', 'generate']);
}, 300_000);

afterAll(() => scratch?.remove());

describe('ordinary spec changes reach the SDK, the fake server and the tests with `npm run generate` alone', () => {
  it('the changed spec lints clean', () => {
    inScratch('npm', ['run', 'lint']);
  });

  it('the SDK sends the new filter, status value and limit; auto-pagination uses the renamed cursor; the fake server accepts them', () => {
    const output = inScratch(
      process.execPath,
      ['--import', 'tsx', probe, newFilter, newStatus, String(newMaximum), newField, unimplemented.path],
      {
        SCRATCH_DIR: scratch.dir,
      },
    );
    const seen = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(seen.cursorParam).toBe(renamedCursor);
    expect(seen.firstQuery).toEqual({ [newFilter]: 'cus_evolved', status: newStatus, limit: String(newMaximum) });
    expect(seen.firstOutcome).toBe('ok');
    expect(seen.walked).toBe(5);
    expect(seen.walkQueries).toEqual([
      { limit: '2' },
      { limit: '2', [renamedCursor]: expect.any(String) },
      { limit: '2', [renamedCursor]: expect.any(String) },
    ]);
    expect(seen.newField).toBe('web');
    expect(seen.unimplemented.status).toBe(501);
    expect(seen.unimplemented.body.error.message).toContain(`does not implement ${unimplemented.id}`);
  });

  it('a new list paged by offset and a new POST get typed methods, pagination with prefetch, body checks, idempotency keys and samples; the fake server answers them 501', () => {
    const output = inScratch(process.execPath, ['--import', 'tsx', join(here, 'new-operations-probe.ts')], {
      SCRATCH_DIR: scratch.dir,
    });
    const seen = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(seen.walked).toEqual(Array.from({ length: 23 }, (_, i) => `prod_${i}`));
    expect(seen.listOffsets).toEqual([null, '5', '10', '15', '20']);
    expect(seen.created).toEqual({ id: 'prod_new', name: 'Pro plan (annual)', unit_amount: 4900 });
    expect(seen.createKey).toMatch(/^loops-[0-9a-f-]{36}$/);
    expect(seen.refused).toEqual({ isValidationError: true, param: 'unit_amount', sentAfter: 0 });
    for (const answer of seen.unimplemented) {
      expect(answer.status).toBe(501);
      expect(answer.message).toMatch(new RegExp(`does not implement (${products.list}|${products.create})`));
    }
    expect(seen.samples).toEqual([true, true, true]);

    const dir = mkdtempSync(join(tmpdir(), 'loops-typed-use-'));
    try {
      writeFileSync(join(dir, 'use.mts'), typedUse);
      const config = {
        extends: join(scratch.dir, 'tsconfig.json'),
        compilerOptions: { typeRoots: [join(scratch.dir, 'node_modules/@types')] },
        files: [join(dir, 'use.mts')],
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
      inScratch(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', dir]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The CLI has their commands, their flags named after their parameters.
    const help = (...command: string[]) =>
      inScratch(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...command, '--help']);
    const listHelp = help('products', 'list');
    for (const shown of ['Usage: loops-checkout products list', '--offset <n>', '--limit <n>', '--all', '--max <n>']) {
      expect(listHelp).toContain(shown);
    }
    const createHelp = help('products', 'create');
    for (const shown of [
      'Usage: loops-checkout products create',
      '--data <json|@file|@->',
      '--idempotency-key <key>',
    ]) {
      expect(createHelp).toContain(shown);
    }
  });

  it('every operation, old and new, is an MCP tool of the built bin: the offset list paged by next_page, the create with its idempotency key, the sessions list by its renamed cursor', () => {
    const output = inScratch(process.execPath, ['--import', 'tsx', join(here, 'mcp-probe.ts')], {
      SCRATCH_DIR: scratch.dir,
    });
    const seen = JSON.parse(output.trim().split('\n').at(-1)!);
    type Listed = { name: string; properties: Record<string, Record<string, unknown>>; required: string[] };
    const tool = (operationId: string) => (seen.tools as Listed[]).find((t) => t.name === toolOf(operationId))!;
    for (const id of [products.list, products.create, unimplemented.id]) expect(tool(id), id).toBeDefined();
    expect(tool(products.list).properties).toMatchObject({
      limit: { type: 'integer', maximum: products.maximum },
      offset: { type: 'integer', minimum: 0 },
      fields: { type: 'array' },
      max: { type: 'integer' },
    });
    expect(tool(products.create).required).toEqual(['body']);
    expect(tool(products.create).properties.idempotency_key).toMatchObject({ type: 'string' });
    const sessions = tool('listCheckoutSessions').properties;
    expect(sessions).toHaveProperty(renamedCursor);
    expect(sessions).toHaveProperty(newFilter);
    expect(sessions.status!.enum).toContain(newStatus);
    expect(sessions.limit!.maximum).toBe(newMaximum);
    expect(seen.walked).toEqual(allProducts.map((product) => product.id));
    expect(seen.nextPages).toEqual([5, 10, 15, 20].map((offset) => ({ offset })));
    expect(seen.created).toEqual({ id: 'prod_new', name: 'Pro plan (annual)', unit_amount: 4900 });
    expect(seen.createKey).toBe('k-evolved-1');
    expect(Object.keys(seen.sessionsNextPage)).toEqual([renamedCursor]);
    expect(seen.stderr).toMatch(/MCP server on stdio, \d+ tools \(writes allowed\)/);
  });

  it('the type-check and the quick test suite pass', () => {
    inScratch(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit']);
    inScratch(process.execPath, [
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'vitest.quick.config.ts',
    ]);
  }, 300_000);

  it('check:breaking names the renamed cursor as breaking, and ALLOW_BREAKING=1 lets the experiment through', () => {
    const refused = scratch.attempt('npm', ['run', '-s', 'check:breaking']);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/Breaking \(\d+\):/);
    expect(refused.output).toContain('starting_after');
    const allowed = scratch.attempt('npm', ['run', '-s', 'check:breaking'], { ALLOW_BREAKING: '1' });
    expect(allowed.status).toBe(0);
    expect(allowed.output).toContain('allowed by ALLOW_BREAKING=1');
  });

  it('no file outside spec/ and generated/ had to change', () => {
    const changed = scratch
      .git('status', '--porcelain', '--untracked-files=all')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((file) => !file.startsWith('spec/') && !file.startsWith('generated/'))).toEqual([]);
  });
});
