#!/usr/bin/env node
// The browser tests drive Debian's Chromium through playwright-core. On a fresh machine it is
// installed here (as CI does), so `npm test` works on its own.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
if (candidates.some((p) => existsSync(p))) process.exit(0);

console.error('newsmap: Chromium not found; installing Debian chromium for the browser tests (apt-get install -y chromium)');
const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: ['ignore', 'ignore', 'inherit'] });
} catch {
  console.error('newsmap: could not install chromium; install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  process.exit(1);
}
