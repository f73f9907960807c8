// `npm run bench -- stats`: the dashboard API's latency with 10k, 100k and 1M cases (ratio to 10k;
// the statistics are read from the daily aggregates, so it should stay ≤ 2), the time of the
// aggregates against a full recount of every case's facts (which must agree, also after a burst of
// incremental updates), and the supervision sweep over many open cases. PGlite (and PostgreSQL when
// DATABASE_URL is set). Synthetic rows are written in bulk with generate_series straight into the
// analytics tables (facts) and cases.case (open cases for the sweep): what is measured is reading and
// keeping the statistics, not filing. BENCH_STATS_MAX caps the largest size (default 1000000);
// BENCH_OPEN_CASES sets the number of open cases for the sweep (default 2000; the sweep evaluates case
// by case, so its time is linear and the 1M figure is extrapolated from the rate).

import { createAnalytics } from '../src/modules/analytics/index.ts';
import type { StatFacts } from '../src/modules/cases/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import { sql } from '../src/platform/db/index.ts';
import { staffSession } from '../test/support/auth.ts';
import { startPlatform } from './lib.ts';

const MAX = Number(process.env.BENCH_STATS_MAX ?? 1_000_000);
const SIZES = [10_000, 100_000, 1_000_000].filter((n) => n <= MAX);
const OPEN_CASES = Number(process.env.BENCH_OPEN_CASES ?? 2000);
const REQUESTS = 40;
const INCREMENTS = 1000;

type Platform = Awaited<ReturnType<typeof startPlatform>>;

/** Facts for cases [from, to): three years of filing, most concluded, the last 20 days still open. */
async function seedFacts(
  p: Platform,
  from: number,
  to: number,
  departments: Array<{ id: string; divisionCode: string }>,
) {
  const ids = departments.map((d) => d.id);
  const divisions = departments.map((d) => d.divisionCode);
  const nItems = ids.length * 5;
  const today = new Date().toISOString().slice(0, 10);
  await sql`insert into analytics.case_fact (case_id, version, department_id, implementation_id, division_code,
      channel, state, decision, received_on, accepted_on, closed_on, promised_due_on, is_open, is_paused, is_on_time)
    select md5('bench-case-' || i)::uuid, now(), (${ids}::uuid[])[1 + j / 5], md5('bench-item-' || j)::uuid,
      (${divisions}::text[])[1 + j / 5], case when i % 3 = 0 then 'window' else 'online' end,
      case when age < 20 then 'reviewing' when i % 20 = 0 then 'refused' when i % 20 = 1 then 'withdrawn'
        else 'concluded' end,
      case when age >= 20 and i % 20 > 1 then (case when i % 50 = 2 then 'denied' else 'approved' end) end,
      received, case when age < 20 and age < 1 then null when i % 20 = 1 and age >= 20 then null
        else received + 1 end,
      case when age >= 20 then received + 1 + (i % 12) end,
      received + 10, age < 20, false,
      case when age >= 20 and i % 20 > 1 then received + 1 + (i % 12) <= received + 10 end
    from (select i, (i::bigint * 7919) % ${nItems} as j, i % 1095 as age, ${today}::date - (i % 1095) as received
      from generate_series(${from}::int, ${to - 1}::int) i) s`.execute(p.modules.deps.db);
  await sql`insert into analytics.item (implementation_id, name, department_id)
    select md5('bench-item-' || j)::uuid, '压测事项 ' || j, (${ids}::uuid[])[1 + j / 5]
    from generate_series(0, ${nItems - 1}::int) j on conflict do nothing`.execute(p.modules.deps.db);
  // one rating in five cases, 非常满意 … 非常不满意 skewed to the good end
  await sql`insert into analytics.rating_fact (rating_id, case_id, department_id, division_code, day, level, at)
    select md5('bench-rating-' || i)::uuid, md5('bench-case-' || i)::uuid, (${ids}::uuid[])[1 + ((i::bigint * 7919) % ${nItems}) / 5],
      (${divisions}::text[])[1 + ((i::bigint * 7919) % ${nItems}) / 5], ${today}::date - (i % 1095),
      (array[1, 1, 1, 2, 2, 3, 4, 5])[1 + i % 8], now()
    from generate_series(${from}::int, ${to - 1}::int) i where i % 5 = 0`.execute(p.modules.deps.db);
}

const ms = (started: number) => performance.now() - started;
const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0;

async function latency(p: Platform, headers: Record<string, string>, url: string) {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 5; i++) {
    const started = performance.now();
    const res = await p.app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    if (i >= 5) times.push(ms(started));
  }
  return { p50: pct(times, 0.5), p95: pct(times, 0.95) };
}

async function runOn(kind: string, databaseUrl?: string) {
  const p = await startPlatform(databaseUrl);
  try {
    const m = p.modules;
    await m.org.seedDemo();
    const departments = await m.org.listDepartments();
    const office = await staffSession(
      { app: p.app, modules: m, clock: systemClock } as never,
      ['office_admin'],
      'bench-office',
    );

    console.log(`\nstatistics on ${kind} — dashboard via app.inject, ${REQUESTS} sequential requests each`);
    console.log(
      '| cases | daily rows | seed + build aggregates s | dashboard p50 ms | p95 ms | ratio p50 to 10k | county filter p50 ms | full recount ms | aggregates = recount |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
    let seeded = 0;
    let floor = 0;
    for (const size of SIZES) {
      const started = performance.now();
      for (let from = seeded; from < size; from += 100_000)
        await seedFacts(p, from, Math.min(size, from + 100_000), departments);
      seeded = size;
      await m.analytics.rebuild(); // no cases in cases.case: recounts the aggregates from the seeded facts
      const seedS = ms(started) / 1000;
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from analytics.daily`.execute(
        m.deps.db,
      );
      const all = await latency(p, office.headers, '/api/analytics/dashboard');
      const county = await latency(p, office.headers, '/api/analytics/dashboard?county=411525');
      const recountStarted = performance.now();
      const check = await m.analytics.verify();
      const recountMs = ms(recountStarted);
      if (!floor) floor = all.p50;
      console.log(
        `| ${size.toLocaleString('en')} | ${rows[0]?.n.toLocaleString('en')} | ${seedS.toFixed(1)} | ${all.p50.toFixed(1)} | ${all.p95.toFixed(1)} | ${(all.p50 / floor).toFixed(2)} | ${county.p50.toFixed(1)} | ${recountMs.toFixed(0)} | ${check.dailyMismatches === 0 && check.ratingMismatches === 0 ? 'yes' : `NO (${check.dailyMismatches})`} |`,
      );
    }

    // incremental updates on top: INCREMENTS open cases concluded today through the job, then recount
    const today = new Date().toISOString().slice(0, 10);
    const { rows: open } = await sql<{
      case_id: string;
      department_id: string;
      implementation_id: string;
      division_code: string;
      channel: string;
      received_on: string;
      accepted_on: string | null;
    }>`
      select case_id, department_id, implementation_id, division_code, channel, received_on::text as received_on,
        accepted_on::text as accepted_on from analytics.case_fact where is_open limit ${INCREMENTS}`.execute(
      m.deps.db,
    );
    const byId = new Map(open.map((f) => [f.case_id, f]));
    const version = new Date(Date.now() + 60_000);
    const fake = createAnalytics({
      ...m.deps,
      org: m.org,
      cases: {
        caseIdsAfter: async () => [],
        statFacts: async (ids: string[]) =>
          ids.flatMap((id): StatFacts[] => {
            const f = byId.get(id);
            return f
              ? [
                  {
                    id,
                    version,
                    departmentId: f.department_id,
                    implementationId: f.implementation_id,
                    itemName: '压测事项',
                    divisionCode: f.division_code,
                    channel: f.channel as 'online',
                    state: 'concluded',
                    decision: 'approved',
                    receivedOn: f.received_on,
                    acceptedOn: f.accepted_on ?? today,
                    closedOn: today,
                    promisedDueOn: today,
                    isPaused: false,
                  },
                ]
              : [];
          }),
      },
    });
    await m.deps.db.transaction().execute(async (tx) => {
      for (const f of open)
        for (const handle of fake.handlers['case.conclude'] ?? [])
          await handle({ id: f.case_id, type: 'case.conclude', payload: { caseId: f.case_id } }, tx);
    });
    const incStarted = performance.now();
    const changed = await fake.runPending();
    const incMs = ms(incStarted);
    const again = await fake.runPending();
    const after = await m.analytics.verify();
    console.log(
      `\nincremental: ${changed} cases concluded through the queue in ${incMs.toFixed(0)} ms (${(incMs / Math.max(1, changed)).toFixed(2)} ms each); run again: ${again} changed; aggregates = recount afterwards: ${after.dailyMismatches === 0 ? 'yes' : `NO (${after.dailyMismatches} rows differ)`}`,
    );
  } finally {
    await p.stop();
  }
}

/** Open accepted cases straight into cases.case (every not-null column filled), then the sweep. */
async function sweepOn(kind: string, databaseUrl?: string) {
  const p = await startPlatform(databaseUrl);
  try {
    const m = p.modules;
    await m.org.seedDemo();
    const [d] = await m.org.listDepartments('411500');
    if (!d) throw new Error('no department');
    await sql`insert into cases."case" (id, case_no, implementation_id, version_id, basic_code, implementation_code,
        item_name, department_id, department_name, division_code, is_instant, legal_limit_days, promised_limit_days,
        applicant_kind, applicant_name, applicant_id_type, applicant_id_enc, applicant_id_hash, contact_name,
        contact_phone_enc, contact_address, delivery_method, channel, filed_by, state, form, form_schema,
        submitted_at, received_on, notice_due_on, accepted_at, accepted_on, legal_due_on, promised_due_on, updated_at)
      select md5('sweep-' || i)::uuid, '411500-BENCH-' || lpad(i::text, 8, '0'), md5('sweep-item')::uuid,
        md5('sweep-version')::uuid, 'B', 'I', '压测事项', ${d.id}::uuid, ${d.name}, '411500', false, 20, 10,
        'citizen', '压测用户', '身份证', 'x', 'x', '压测用户', 'x', '信阳市', 'online', 'online',
        md5('sweep-filer')::uuid, 'reviewing', '{}', '{}', now(), current_date - (i % 30),
        current_date - (i % 30) + 5, now(), current_date - (i % 30), current_date - (i % 30) + 28,
        current_date - (i % 30) + 14, now()
      from generate_series(1, ${OPEN_CASES}::int) i`.execute(m.deps.db);
    const first = performance.now();
    const raised = await m.supervision.sweep();
    const firstMs = ms(first);
    const second = performance.now();
    const again = await m.supervision.sweep();
    const secondMs = ms(second);
    const perCase = secondMs / OPEN_CASES;
    console.log(`\nsupervision sweep on ${kind} — ${OPEN_CASES.toLocaleString('en')} open cases`);
    console.log('| run | warnings changed | s | ms per case | 1M open cases (extrapolated, min) |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(
      `| first (raises warnings) | ${raised} | ${(firstMs / 1000).toFixed(1)} | ${(firstMs / OPEN_CASES).toFixed(2)} | ${(((firstMs / OPEN_CASES) * 1e6) / 60_000).toFixed(1)} |`,
    );
    console.log(
      `| second (nothing new) | ${again} | ${(secondMs / 1000).toFixed(1)} | ${perCase.toFixed(2)} | ${((perCase * 1e6) / 60_000).toFixed(1)} |`,
    );
  } finally {
    await p.stop();
  }
}

export async function benchStats(): Promise<void> {
  // BENCH_STATS_SWEEP_ONLY=1 measures the supervision sweep alone
  if (!process.env.BENCH_STATS_SWEEP_ONLY) await runOn('PGlite');
  await sweepOn('PGlite');
  if (process.env.DATABASE_URL) {
    if (!process.env.BENCH_STATS_SWEEP_ONLY) await runOn('PostgreSQL', process.env.DATABASE_URL);
    await sweepOn('PostgreSQL', process.env.DATABASE_URL);
  }
}
