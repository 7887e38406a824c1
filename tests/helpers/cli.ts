import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';

/** The repository root and the real `newsmap` bin. */
export const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/newsmap.mjs');
const run = promisify(execFile);

/** Runs `newsmap ...args` as a user would, returning its exit code and output. */
export async function newsmap(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return newsmapAs(undefined, ...args);
}

/** Runs `newsmap` as another user (root only): root reads every file, so permission tests run as nobody. */
export async function newsmapAs(uid: number | undefined, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const as = uid === undefined ? {} : { uid, gid: uid, env: { ...process.env, HOME: '/tmp' } };
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024, ...as });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
