/**
 * Preloaded (`node --import`) into the processes of the CLI export part: at exit, the process's CPU
 * time since it started, on stderr's last line, as `cpu-ms <user + system>`.
 */
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncpu-ms ${(user + system) / 1000}\n`);
});
