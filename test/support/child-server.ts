// The real server as a child process (`node src/cli/main.ts serve`), for tests that kill it with SIGKILL
// and start it again on the same data: a free loopback port, a start that resolves once it listens.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A loopback port nobody listens on right now (kept for every restart of one test's server). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `yiwang serve` with this environment; resolves when it says it has started. */
export function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onExit = (code: number | null) => reject(new Error(`server exited (${code}): ${output}`));
    child.once('exit', onExit);
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (output.includes('已启动')) {
        child.off('exit', onExit);
        resolve(child);
      }
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
  });
}

/** Resolves when the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGKILL, as a crashing machine or an OOM killer would: no shutdown hooks, no flush. */
export async function crash(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await exited(child);
}

/** A clean stop (SIGTERM: the server closes its database). */
export async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await exited(child);
}
