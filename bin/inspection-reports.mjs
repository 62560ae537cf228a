#!/usr/bin/env node
/**
 * `npx inspection-reports <command>`: the tool's commands without npm's own lines around them, so
 * `npx inspection-reports check --json > problems.json` writes JSON and nothing else.
 *
 * Plain JavaScript, so any Node can start it; it then runs the TypeScript command (through tsx) on
 * the project's own Node 24 (the `node` dev dependency), whatever Node the machine has, with the
 * project folder as the working folder, as `npm run` does. Its exit code is the command's: 0 done
 * (warnings allowed), 1 errors in the content, 2 the tool failed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COMMANDS = {
  check: { script: 'src/check/cli.ts', usage: 'check [--json] [folder]   every problem in the content (JSON with --json)' },
  build: { script: 'src/build/cli.ts', usage: 'build [--drafts]          checks, then builds dist/ (a preview with drafts into preview/ with --drafts)' },
  new: { script: 'src/cli/new-inspection.ts', usage: 'new <service> <year>      starts a new inspection folder' },
};

const fail = (message) => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};

const [command, ...args] = process.argv.slice(2);
if (!command || !Object.hasOwn(COMMANDS, command)) {
  const list = Object.values(COMMANDS).map(({ usage }) => `  inspection-reports ${usage}`).join('\n');
  fail(`${command ? `Unknown command "${command}". ` : ''}Usage:\n${list}`);
}

// The pinned Node when it is installed; otherwise this one, if tsx and the tool can run on it.
const require = createRequire(path.join(root, 'package.json'));
const pinned = (() => {
  try {
    const bin = path.join(path.dirname(require.resolve('node/package.json')), 'bin', 'node');
    return fs.existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
})();
const [major, minor] = process.versions.node.split('.').map(Number);
if (!pinned && (major < 22 || (major === 22 && minor < 12))) fail(`inspection-reports needs Node 22.12 or later (this is ${process.version}): run npm install in ${root}, which installs the project's own Node.`);
let tsx;
try {
  tsx = require.resolve('tsx');
} catch {
  fail(`inspection-reports could not find tsx: run npm install in ${root}.`);
}

const child = spawn(pinned ?? process.execPath, ['--import', tsx, path.join(root, COMMANDS[command].script), ...args], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the child too (same process group); a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => fail(`inspection-reports could not start ${COMMANDS[command].script}: ${error.message}`));
child.on('exit', (code, signal) => {
  if (signal) process.stderr.write(`inspection-reports: ${command} was stopped (${signal}).\n`);
  process.exit(code ?? 2);
});
