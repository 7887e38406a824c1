import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * index.html carries a strict CSP (no inline script). The dev server's React Refresh preamble
 * is an inline script, so the policy is removed in `vite dev` only; builds keep it.
 */
function stripCspInDev(): Plugin {
  return {
    name: 'newsmap:strip-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, ''),
  };
}

export default defineConfig({
  // Relative base: dist/ works from any path, and the corpus is fetched relative to the page.
  base: './',
  plugins: [react(), stripCspInDev()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/core/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/hardening/**/*.test.ts', 'tests/eval/**/*.test.ts'],
          setupFiles: ['tests/helpers/fastcheck.setup.ts'],
          // Hang guards, not speed checks (those are benchmarks): a thousand-case property, or
          // building the real gazetteer index, can take seconds on two busy cores.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'happy-dom',
          include: ['tests/app/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/helpers/fastcheck.setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
