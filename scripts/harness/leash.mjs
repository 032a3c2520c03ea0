// Runs a command in its own process group and ends that group as soon as this script's stdin
// closes, which happens when the process that started it exits for any reason, even SIGKILL.
// This is what keeps a crashed or interrupted test run from leaving a server behind.
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true });

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    process.exit(0);
  }
  setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
    process.exit(0);
  }, 3000).unref();
}

process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, stop);
child.on('exit', (code) => process.exit(code ?? 0));
