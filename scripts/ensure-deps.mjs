#!/usr/bin/env node
// Installs what the game and its tests need, once: the npm packages from the lock file
// and, for the browser tests, Debian's chromium. Plain JavaScript, because it runs before
// anything else is installed. Usage: node scripts/ensure-deps.mjs [--browser]
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (msg) => process.stderr.write(`[setup] ${msg}\n`);
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

// npm packages: install when node_modules is missing or older than the lock file.
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  say('installing npm packages (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

// Chromium for the end-to-end tests: Debian's package, since browser downloads do not
// work here. CHROMIUM_PATH overrides the location.
if (process.argv.includes('--browser')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const sudo = isRoot ? '' : 'sudo ';
    say(`installing Debian's chromium for the browser tests (${sudo}apt-get)…`);
    try {
      run(`${sudo}apt-get update -qq`);
      run(`DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq chromium fonts-dejavu-core`);
    } catch {
      say(`could not install chromium; install it yourself (apt-get install chromium) or set CHROMIUM_PATH`);
      process.exit(1);
    }
  }
  const version = readFileSync(join(root, 'node_modules', 'playwright-core', 'package.json'), 'utf8');
  say(`browser: ${chromium}, playwright-core ${JSON.parse(version).version}`);
}
