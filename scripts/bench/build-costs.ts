/** Build costs: `npm run generate`'s wall time, and what the SDK's types cost a consumer's tsc. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../harness/paths.js';

export interface BuildFigures {
  /** `npm run generate`, ms per run. */
  generateMs: number[];
  types: Record<string, string>;
}

function wallTimes(args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}`);
    times.push(performance.now() - started);
  }
  return times;
}

function typeCheckCost(): Record<string, string> {
  const dir = join(root, 'node_modules/.cache/bench-consumer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'consumer.ts'),
    `import { Loops } from '@loops-fi/checkout';
const loops = new Loops({ apiKey: 'sk_test' });
for await (const session of loops.checkout.sessions.list({ status: 'COMPLETED', limit: 100 })) console.log(session.id, session.amount_total);
`,
  );
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    paths: { '@loops-fi/checkout': ['../../../dist/esm/src/index.d.ts'] },
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', dir, '--extendedDiagnostics'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tsc failed:\n${result.stdout}`);
  const pick = (label: string) => new RegExp(`^${label}:\\s+(.+)$`, 'm').exec(result.stdout)?.[1]?.trim() ?? '?';
  return {
    files: pick('Files'),
    types: pick('Types'),
    instantiations: pick('Instantiations'),
    checkTime: pick('Check time'),
    totalTime: pick('Total time'),
  };
}

export function measureBuildCosts(generateRuns: number): BuildFigures {
  const generateMs = wallTimes(['--import', 'tsx', 'scripts/generate.ts'], generateRuns);
  return { generateMs, types: typeCheckCost() };
}
