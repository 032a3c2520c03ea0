import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { root } from '../../scripts/harness/paths.js';

/**
 * Type-checks TypeScript sources as if they were files of this repo, with its tsconfig (so
 * `@loops-fi/checkout` resolves to src/), and returns the diagnostics as readable lines.
 */
export function typecheckSources(sources: Record<string, string>): string[] {
  const configPath = join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const dir = join(root, 'node_modules', '.cache', 'typecheck', String(process.pid));
  mkdirSync(dir, { recursive: true });
  try {
    const files = Object.entries(sources).map(([name, text]) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    });
    const program = ts.createProgram(files, options);
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!diagnostic.file || diagnostic.start === undefined) return message;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${diagnostic.file.fileName.slice(dir.length + 1)}:${line + 1}: ${message}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
