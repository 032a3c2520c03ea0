/**
 * `npm run docs` and `npm run docs:serve`: the hosted reference, one self-contained HTML page.
 *
 *   tsx scripts/docs.ts build   write dist/docs/index.html (npm run docs regenerates first)
 *   tsx scripts/docs.ts serve   build, serve on 127.0.0.1:$LOOPS_DOCS_PORT (8080), rebuild when spec/ changes
 */
import { buildDocs } from './docs/build.js';
import { serveDocs } from './docs/serve.js';
import { portFromEnv, stopOnSignalOrOrphan } from './harness/processes.js';

const command = process.argv[2];
if (command === 'build') {
  console.log(`Built ${buildDocs()}`);
} else if (command === 'serve') {
  const server = await serveDocs(portFromEnv('LOOPS_DOCS_PORT', 8080), { watch: true });
  stopOnSignalOrOrphan(() => server.close());
  console.log(`Reference on ${server.url}, rebuilt when spec/ changes. Press Ctrl-C to stop.`);
} else {
  console.error('usage: tsx scripts/docs.ts build|serve');
  process.exit(2);
}
