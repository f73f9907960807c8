// 办件编号 (GB/T 39046 an..50): <6-digit division>-<YYYYMMDD>-<8-digit serial>, e.g. 411500-20261122-00000042;
// a bundle's sub-cases add -NN (411500-20261122-00000042-01). The serial comes from one database
// sequence, so numbers are unique across nodes and sort by filing order within a region and day.
import { shanghaiDate } from '../../platform/clock.ts';

export function caseNumber(divisionCode: string, at: Date, serial: number): string {
  const day = shanghaiDate(at).replaceAll('-', '');
  return `${divisionCode.slice(0, 6)}-${day}-${String(serial).padStart(8, '0')}`;
}

export const subCaseNumber = (parentNo: string, index: number) =>
  `${parentNo}-${String(index).padStart(2, '0')}`;

export const CASE_NUMBER = /^\d{6}-\d{8}-\d{8,}(-\d{2})?$/;
