// The background loop of one application node: runs `work` every `intervalMs` (again at once while it
// reports progress), never two rounds at the same time. The work itself must be safe with several
// nodes (claims with SKIP LOCKED, leases). A failed round is reported and the loop goes on.
export type Background = { stop(): Promise<void> };

export function startBackground(
  work: () => Promise<number>,
  options: { intervalMs: number; onError: (error: unknown) => void },
): Background {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let isStopped = false;
  const round = async () => {
    try {
      while (!isStopped && (await work()) > 0) {
        // more may be waiting: go on without sleeping
      }
    } catch (error) {
      options.onError(error);
    }
  };
  const tick = () => {
    running = round().finally(() => {
      running = null;
      if (!isStopped) timer = setTimeout(tick, options.intervalMs);
    });
  };
  timer = setTimeout(tick, options.intervalMs);
  return {
    async stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** One named background job: returns how much it did (0 when nothing was waiting). */
export type Job = { name: string; run: () => Promise<number> };

/**
 * Runs the jobs one after the other and returns the sum of what they did. A job that throws is reported
 * with its name and the rest still run, so one module's failure cannot hold up the others' work.
 */
export async function runAll(
  jobs: Job[],
  onError: (name: string, error: unknown) => void = (name, error) =>
    console.error(`background job ${name} failed:`, error),
): Promise<number> {
  let done = 0;
  for (const job of jobs) {
    try {
      done += await job.run();
    } catch (error) {
      onError(job.name, error);
    }
  }
  return done;
}
