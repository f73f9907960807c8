import { describe, expect, it } from 'vitest';
import { runAll } from './jobs.ts';

describe('runAll: the background jobs of one round', () => {
  it('a job that throws is reported with its name and the jobs after it still run', async () => {
    const ran: string[] = [];
    const job = (name: string, did: number) => ({
      name,
      run: async () => {
        ran.push(name);
        return did;
      },
    });
    const errors: Array<[string, unknown]> = [];
    const done = await runAll(
      [
        job('first', 2),
        {
          name: 'opendata',
          run: async () => {
            ran.push('opendata');
            throw new Error('源数据暂不可读');
          },
        },
        job('exchange', 3),
      ],
      (name, error) => errors.push([name, error]),
    );
    expect(ran).toEqual(['first', 'opendata', 'exchange']);
    expect(done).toBe(5);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toEqual(['opendata', new Error('源数据暂不可读')]);
  });

  it('with no failures it returns the sum of what the jobs did', async () => {
    expect(
      await runAll([
        { name: 'a', run: async () => 0 },
        { name: 'b', run: async () => 4 },
      ]),
    ).toBe(4);
  });
});
