/** The other Node versions the bench runs its children on, found through npx as the runtime matrix does. */
import { spawnSync } from 'node:child_process';

export interface NodeBinary {
  /** Such as 'Node 22.23.3'. */
  label: string;
  execPath: string;
}

export const thisNode: NodeBinary = { label: `Node ${process.versions.node}`, execPath: process.execPath };

/**
 * The binary of a pinned Node, such as 'node@22.23.3', that npx fetches once and caches. Its own
 * path, not npx's: a child must get the IPC channel itself, and npx, a Node process, would take it.
 */
export function pinnedNode(pin: string): NodeBinary {
  const result = spawnSync('npx', ['-y', pin, '-p', 'process.execPath + " " + process.versions.node'], {
    encoding: 'utf8',
  });
  const [execPath, version] = result.stdout.trim().split(' ');
  if (result.status !== 0 || !execPath || `node@${version}` !== pin) {
    throw new Error(`npx -y ${pin} did not give that Node (${result.stderr.trim() || result.stdout.trim()})`);
  }
  return { label: `Node ${version}`, execPath };
}
