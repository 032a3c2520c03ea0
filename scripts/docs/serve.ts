/** Serves the reference and, when asked, rebuilds it whenever a file under spec/ changes. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { watch } from 'chokidar';
import { root } from '../harness/paths.js';
import { type StaticServer, serveDirectory } from '../harness/static-server.js';
import { buildDocs, docsDir } from './build.js';

/** Regenerates generated/ from spec/, in a process of its own as `npm run generate` would. */
function regenerate(): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/generate.ts')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run generate failed:\n${result.stdout}\n${result.stderr}`);
}

export interface DocsServer extends StaticServer {
  /** Resolves after each rebuild that a change under spec/ set off, with its error if it failed. */
  rebuilt(): Promise<Error | undefined>;
}

/**
 * Builds and serves the reference on 127.0.0.1:port; with watch, regenerates and rebuilds it when
 * spec/ changes. chokidar rather than fs.watch: an editor's atomic save replaces the file, and
 * fs.watch then goes on watching the old, deleted one.
 */
export async function serveDocs(port: number, { watch: live }: { watch: boolean }): Promise<DocsServer> {
  buildDocs();
  const server = await serveDirectory(docsDir, port, 'LOOPS_DOCS_PORT');
  const waiting: ((error: Error | undefined) => void)[] = [];
  const watcher = live ? watch(join(root, 'spec'), { ignoreInitial: true, atomic: true }) : undefined;
  let timer: NodeJS.Timeout | undefined;
  watcher?.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      let failure: Error | undefined;
      try {
        regenerate();
        buildDocs();
        console.log(`${new Date().toLocaleTimeString()} spec/ changed: regenerated and rebuilt the reference.`);
      } catch (error) {
        failure = error as Error;
        console.error(failure.message);
      }
      for (const resolve of waiting.splice(0)) resolve(failure);
    }, 200);
  });
  if (watcher) await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    url: server.url,
    rebuilt: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      clearTimeout(timer);
      await watcher?.close();
      await server.close();
    },
  };
}
