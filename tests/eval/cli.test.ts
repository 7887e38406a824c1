import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npm run eval` the way npm does, without npm's banner. */
function evalCli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/eval/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NEWSMAP_CORPORA: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run eval (errors before any geoparsing)', () => {
  it('--check-floor without the corpora fails in one line naming the path', () => {
    const r = evalCli('--check-floor', '--corpora', '/nonexistent/corpora');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('newsmap eval: /nonexistent/corpora: corpora directory not found (give --corpora DIR or NEWSMAP_CORPORA)\n');
  });

  it('refuses an unknown corpus or option', () => {
    const only = evalCli('--only', 'reuters');
    expect(only.status).toBe(2);
    expect(only.stderr).toMatch(/^--only: "reuters" is not a corpus; use one of tr-news, lgl, geovirus, fixtures\n$/);
    const bogus = evalCli('--bogus');
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toMatch(/^Unknown option '--bogus'/);
    expect(evalCli('--errors', 'many').status).toBe(2);
  });
});
