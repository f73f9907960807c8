// Shapes of the org and identity admin API as the pages read them (see docs/api-contract.md).
import type { StaffRole } from '../api.ts';

export type Department = {
  id: string;
  divisionCode: string;
  name: string;
  shortName: string;
  kind: string;
  uscc: string;
};
export type HallWindow = {
  id: string;
  hallId: string;
  number: string;
  name: string;
  isComprehensive: boolean;
  departmentIds: string[];
};
export type Hall = {
  id: string;
  divisionCode: string;
  name: string;
  address: string;
  hours: string;
  phone: string;
  windows: HallWindow[];
};
export type Staff = {
  id: string;
  username: string;
  name: string;
  departmentId: string | null;
  divisionCode: string;
  roles: StaffRole[];
  isDisabled: boolean;
  isLocked: boolean;
  hasTotp: boolean;
};
export type RoleInfo = { role: StaffRole; label: string; needsTotp: boolean };
export type CalendarDay = { day: string; kind: 'holiday' | 'workday'; name: string };
export type Calendar = { year: number; days: CalendarDay[] };
export type List<T> = T[] | { items: T[] };
