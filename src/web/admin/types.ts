// Shapes of the org and identity admin API as the pages read them: type-only imports of the modules'
// pure zod schemas, so the pages break at compile time when a response changes.
import type { z } from 'zod';
import type { RoleView, StaffView } from '../../modules/identity/schema.ts';
import type {
  CalendarDayView,
  CalendarView,
  DepartmentView,
  HallView,
  WindowView,
} from '../../modules/org/schema.ts';

export type Department = DepartmentView;
export type HallWindow = WindowView;
export type Hall = HallView;
export type Staff = StaffView;
export type RoleInfo = z.infer<typeof RoleView>;
export type CalendarDay = CalendarDayView;
export type Calendar = z.infer<typeof CalendarView>;
export type List<T> = T[] | { items: T[] };
