#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so `npx newsmap` works right after `npm ci`.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { main } = await import(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)));
process.exitCode = await main(process.argv.slice(2));
