// The shapes of 数据质量看板: its query (department and status filters) and the board itself — per
// published resource the latest load's four measures, rejected rows and whether the update cycle is
// kept; per department and overall the totals.
import { z } from 'zod';
import { UPDATE_CYCLE_NAMES } from '../codes.ts';
import type { UpdateCycle as Cycle } from '../schema.ts';

// the cycle codes from codes.ts, not ../schema.ts: that file re-exports this one for the web
const UpdateCycle = z.enum(Object.keys(UPDATE_CYCLE_NAMES) as [Cycle, ...Cycle[]]);

/** refused: the latest load was refused · overdue: no accepted load within the update cycle ·
 * unmounted: published but nothing mounted yet · ok: none of these. */
export const BoardStatus = z.enum(['refused', 'overdue', 'unmounted', 'ok']);
export type BoardStatus = z.infer<typeof BoardStatus>;

export const BoardQuery = z
  .object({ departmentId: z.uuid().optional(), status: BoardStatus.optional() })
  .strict();
export type BoardQuery = z.infer<typeof BoardQuery>;

const Ratio = z.number().nullable();
export const BoardResource = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  updateCycle: UpdateCycle,
  mountKind: z.enum(['none', 'file', 'api']),
  status: BoardStatus,
  isOverdue: z.boolean(),
  /** when the next accepted load is due (null: 不定期, or mounted as an API) */
  dueAt: z.string().nullable(),
  /** whole days past `dueAt` (0 when not overdue) */
  overdueDays: z.number(),
  lastLoadAt: z.string().nullable(),
  lastAcceptedAt: z.string().nullable(),
  latestLoad: z
    .object({
      id: z.string(),
      status: z.enum(['accepted', 'refused']),
      rows: z.number(),
      rejectedRows: z.number(),
      problemCount: z.number(),
      completeness: Ratio,
      validity: Ratio,
      uniqueness: Ratio,
      timeliness: Ratio,
      /** whether that load came within the update cycle after the one before */
      isOnSchedule: z.boolean().nullable(),
    })
    .nullable(),
  /** 0–100: the mean of the latest load's measured dimensions (null: nothing measured) */
  score: z.number().nullable(),
});
export type BoardResource = z.infer<typeof BoardResource>;

const Totals = z.object({
  resources: z.number(),
  mounted: z.number(),
  overdue: z.number(),
  refused: z.number(),
  averageScore: z.number().nullable(),
});
export const BoardDepartment = Totals.extend({ departmentId: z.string(), departmentName: z.string() });
export type BoardDepartment = z.infer<typeof BoardDepartment>;

export const QualityBoard = z.object({
  generatedAt: z.string(),
  totals: Totals,
  departments: z.array(BoardDepartment),
  resources: z.array(BoardResource),
});
export type QualityBoard = z.infer<typeof QualityBoard>;
