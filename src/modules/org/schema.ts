// Org and calendar request/response shapes (pure zod, shared with the web front end).
import { z } from 'zod';

/** GB/T 2260 six-digit code, or a nine-digit township code (六位县级 + 三位乡级). */
export const DivisionCode = z.string().regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位或 9 位数字');
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max);
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{0,30}$/, '电话号码格式不正确');
const nonEmpty = (value: object) => Object.keys(value).length > 0;
const NOTHING_TO_CHANGE = { message: '至少需要修改一个字段' };

export const DivisionLevel = z.enum(['province', 'city', 'county', 'township']);
export type DivisionLevel = z.infer<typeof DivisionLevel>;

export const DivisionView = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.string(),
  level: DivisionLevel,
  type: z.string(),
  isStatisticalOnly: z.boolean(),
});
export type DivisionView = z.infer<typeof DivisionView>;
export const DivisionList = z.object({ items: z.array(DivisionView) });
export const DivisionQuery = z.object({ parent: DivisionCode.optional() }).strict();

export const DepartmentView = z.object({
  id: z.string(),
  divisionCode: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  uscc: z.string(),
});
export type DepartmentView = z.infer<typeof DepartmentView>;
export const DepartmentList = z.object({ items: z.array(DepartmentView) });
export const DepartmentQuery = z.object({ divisionCode: DivisionCode.optional() }).strict();

export const WindowView = z.object({
  id: z.string(),
  hallId: z.string(),
  number: z.string(),
  name: z.string(),
  isComprehensive: z.boolean(),
  departmentIds: z.array(z.string()),
});
export type WindowView = z.infer<typeof WindowView>;

export const HallView = z.object({
  id: z.string(),
  divisionCode: z.string(),
  name: z.string(),
  address: z.string(),
  hours: z.string(),
  phone: z.string(),
  windows: z.array(WindowView),
});
export type HallView = z.infer<typeof HallView>;
export const HallList = z.object({ items: z.array(HallView) });
export const HallQuery = z.object({ divisionCode: DivisionCode.optional() }).strict();

export const IdParams = z.object({ id: z.uuid() }).strict();

const UsccFields = {
  uscc: z.string().trim().toUpperCase().length(18, '统一社会信用代码应为 18 位'),
  /** an officer confirms a pre-standard code whose check character does not match (试点期赋码) */
  acceptUsccChecksumMismatch: z.boolean().optional(),
};

export const CreateDepartmentBody = z
  .object({
    divisionCode: DivisionCode,
    name: Text(100),
    shortName: Text(50),
    kind: OptionalText(50).default(''),
    ...UsccFields,
  })
  .strict();
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentBody>;

export const UpdateDepartmentBody = z
  .object({
    name: Text(100).optional(),
    shortName: Text(50).optional(),
    kind: OptionalText(50).optional(),
    uscc: UsccFields.uscc.optional(),
    acceptUsccChecksumMismatch: UsccFields.acceptUsccChecksumMismatch,
  })
  .strict()
  .refine(nonEmpty, NOTHING_TO_CHANGE);
export type UpdateDepartmentInput = z.infer<typeof UpdateDepartmentBody>;

export const CreateHallBody = z
  .object({
    divisionCode: DivisionCode,
    name: Text(100),
    address: OptionalText(200).default(''),
    hours: OptionalText(200).default(''),
    phone: Phone.default(''),
  })
  .strict();
export type CreateHallInput = z.infer<typeof CreateHallBody>;

export const UpdateHallBody = z
  .object({
    name: Text(100).optional(),
    address: OptionalText(200).optional(),
    hours: OptionalText(200).optional(),
    phone: Phone.optional(),
  })
  .strict()
  .refine(nonEmpty, NOTHING_TO_CHANGE);
export type UpdateHallInput = z.infer<typeof UpdateHallBody>;

const WindowNumber = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{1,10}$/, '窗口编号为 1–10 位字母、数字或连字符');
const DepartmentIds = z.array(z.uuid()).max(200);

export const CreateWindowBody = z
  .object({
    hallId: z.uuid(),
    number: WindowNumber,
    name: Text(100),
    isComprehensive: z.boolean().default(false),
    departmentIds: DepartmentIds.default([]),
  })
  .strict();
export type CreateWindowInput = z.infer<typeof CreateWindowBody>;

export const UpdateWindowBody = z
  .object({
    number: WindowNumber.optional(),
    name: Text(100).optional(),
    isComprehensive: z.boolean().optional(),
    departmentIds: DepartmentIds.optional(),
  })
  .strict()
  .refine(nonEmpty, NOTHING_TO_CHANGE);
export type UpdateWindowInput = z.infer<typeof UpdateWindowBody>;

// 节假日与调休 (working-day calendar overrides)
export const CalendarDayKind = z.enum(['holiday', 'workday']);
export const CalendarDayView = z.object({ day: z.string(), kind: CalendarDayKind, name: z.string() });
export type CalendarDayView = z.infer<typeof CalendarDayView>;
export const CalendarView = z.object({ year: z.number(), days: z.array(CalendarDayView) });
export const CalendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
export const CalendarDayParams = z
  .object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD') })
  .strict();
export const CalendarDayBody = z
  .object({ kind: CalendarDayKind, name: OptionalText(50).default('') })
  .strict();
export type CalendarDayInput = z.infer<typeof CalendarDayBody>;
