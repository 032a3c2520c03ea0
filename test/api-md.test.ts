/**
 * generated/api.md, the SDK reference: each method as the generated SDK declares it, each parameter
 * of the catalog, examples that compile and run, and a "retried" column that is what the SDK does
 * when the fake server plays each status.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../generated/catalog.js';
import { root } from '../scripts/harness/paths.js';
import { Loops } from '../src/index.js';
import { createFakeLoopsServer, type FakeLoopsServer, type Fault } from '../src/testing/index.js';
import { apiKey } from './support/client.js';
import { typecheckSources } from './support/typecheck.js';

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const apiMd = read('generated/api.md');
const entries = Object.entries(catalog);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const callOf = (entry: (typeof catalog)[keyof typeof catalog]) =>
  ['loops', ...entry.resource, entry.sdkMethod].join('.');

/** The part of api.md about one method: from its heading to the next method's or section's. */
function sectionOf(entry: (typeof catalog)[keyof typeof catalog]): string {
  const start = apiMd.indexOf(`### \`${callOf(entry)}()\``);
  expect(start, `api.md has a section for ${callOf(entry)}()`).toBeGreaterThan(-1);
  const rest = apiMd.slice(start + 4);
  return rest.slice(0, rest.search(/^#{2,3} /m));
}

/** Each method of the generated classes, as a reader writes its signature: named types by name, the rest resolved. */
function generatedSignatures(): Map<string, string> {
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const files = ['generated/sdk/resources.ts', 'generated/sdk/client.ts'].map((file) => join(root, file));
  const program = ts.createProgram(files, options);
  const checker = program.getTypeChecker();
  const signatures = new Map<string, string>();
  for (const file of files) {
    ts.forEachChild(program.getSourceFile(file)!, (node) => {
      if (!ts.isClassDeclaration(node)) return;
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member)) continue;
        const params = member.parameters.map((p) => {
          const type =
            p.type && ts.isTypeReferenceNode(p.type)
              ? p.type.getText()
              : checker.typeToString(checker.getTypeAtLocation(p));
          return `${p.name.getText()}${p.initializer || p.questionToken ? '?' : ''}: ${type}`;
        });
        signatures.set(
          `${node.name!.text}.${member.name.getText()}`,
          `${member.name.getText()}(${params.join(', ')}): ${member.type!.getText()}`,
        );
      }
    });
  }
  return signatures;
}

describe('generated/api.md, the SDK reference', () => {
  it('starts with the generated notice, and README links it', () => {
    const notice = read('generated/catalog.ts').split('\n')[1]!.replace(/^ \* /, '');
    expect(apiMd.split('\n')[0]).toBe(`<!-- ${notice} -->`);
    expect(read('README.md')).toContain('](generated/api.md)');
  });

  it('gives each method of the catalog the signature the generated SDK declares', () => {
    const signatures = generatedSignatures();
    expect(signatures.size).toBe(entries.length);
    for (const [, entry] of entries) {
      const owner = entry.resource.length ? entry.resource.map(pascal).join('') : 'Loops';
      const signature = signatures.get(`${owner}.${entry.sdkMethod}`);
      expect(signature, `${owner}.${entry.sdkMethod}`).toBeDefined();
      expect(sectionOf(entry)).toContain(`\`\`\`ts\n${signature}\n\`\`\``);
    }
  });

  it('lists each parameter and body field of the catalog, with whether it is required, and its method and path', () => {
    for (const [, entry] of entries) {
      const section = sectionOf(entry);
      expect(section).toContain(`\`${entry.method} ${entry.path}\``);
      expect(section).toContain(entry.summary);
      for (const p of entry.parameters) {
        const name = p.in === 'query' ? `params.${p.name}` : p.name;
        expect(section).toMatch(new RegExp(`^\\| \`${name}\` \\| [^\\n]+ \\| ${p.required ? 'yes' : 'no'} \\|`, 'm'));
      }
      if ('body' in entry) {
        const { properties, required } = entry.body.schema as { properties: object; required: readonly string[] };
        for (const field of Object.keys(properties)) {
          const yes = required.includes(field) ? 'yes' : 'no';
          expect(section).toMatch(new RegExp(`^\\| \`body\\.${field}\` \\| [^\\n]+ \\| ${yes} \\|`, 'm'));
        }
      }
    }
  });

  it('gives one-line examples that compile against the SDK', () => {
    const examples = entries.map(([, entry]) => /\*\*Example\*\*\n\n```ts\n(.+)\n```/.exec(sectionOf(entry))![1]!);
    const prelude = "import { Loops } from '@loops-fi/checkout';\n\nconst loops = new Loops();\n";
    const sources = Object.fromEntries(
      examples.map((line, i) => [`api-example-${i + 1}.mts`, `${prelude}${line}\nexport {};\n`]),
    );
    expect(typecheckSources(sources)).toEqual([]);
  }, 60_000);
});

describe("api.md's Throws tables are what the SDK does, each failure played by the fake server", () => {
  let server: FakeLoopsServer;
  beforeAll(async () => {
    server = await createFakeLoopsServer({ apiKey });
  });
  afterAll(() => server?.close());

  /** Runs a method's own example with one retry allowed, each attempt failing as fault says: how many requests, and what was thrown. */
  async function play(entry: (typeof catalog)[keyof typeof catalog], fault: Fault, timeout = 10_000) {
    server.reset();
    const example = /\*\*Example\*\*\n\n```ts\n(.+)\n```/.exec(sectionOf(entry))![1]!;
    const loops = new Loops({ apiKey, baseUrl: server.url, maxRetries: 1, timeout, logLevel: 'off' });
    server.fault(fault, fault);
    const run = new Function('loops', `return (async () => { ${example} })();`) as (loops: Loops) => Promise<void>;
    const error = await run(loops).then(
      () => undefined,
      (thrown: Error) => thrown,
    );
    return { requests: server.requests.length, error: error?.name };
  }

  for (const [id, entry] of entries) {
    it(`${callOf(entry)}(): each status, a dropped connection and a timeout`, async () => {
      const rows = [...sectionOf(entry).matchAll(/^\| (.+?) \| `(\w+)` \| (.+?) \|$/gm)].map(
        ([, when, error, retried]) => ({
          when: when!,
          error: error!,
          retried: retried!,
        }),
      );
      expect(rows.length, id).toBeGreaterThan(5);
      for (const { when, error, retried } of rows) {
        const status = /^`(\d{3})/.exec(when)?.[1];
        let fault: Fault | undefined;
        if (status) fault = { type: 'status', status: Number(status), retryAfterMs: 0 };
        else if (when.includes('reset')) fault = { type: 'reset' };
        // Three times the client's timeout: late whatever the load, which only delays an answer further.
        else if (when.includes('`timeout`')) fault = { type: 'slow', delayMs: 900 };
        if (!fault) continue;
        // A short timeout only where the row is about timeouts: elsewhere a busy machine must not turn an answer into one.
        const outcome = await play(entry, fault, fault.type === 'slow' ? 300 : 10_000);
        expect(outcome, `${id}, ${when}`).toEqual({ requests: retried === 'yes' ? 2 : 1, error });
      }
      // "any other status": the statuses it names are retried, and the others are not.
      const other = rows.find((row) => row.when === 'any other status')!;
      const named = /^`([\d, –]+)`/.exec(other.retried)?.[1]?.split(', ').map(Number) ?? [];
      for (const status of [...named, 418]) {
        const outcome = await play(entry, { type: 'status', status, retryAfterMs: 0 });
        expect(outcome, `${id}, ${status}`).toEqual({ requests: named.includes(status) ? 2 : 1, error: other.error });
      }
    }, 60_000);
  }
});
