// The first cell of a workbench case or task row: the item linking to the case, the case number below.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { workbenchCasePath } from '../../common/cases.ts';

export function CaseCell({
  caseId,
  caseNo,
  title,
  testId,
  children,
}: {
  caseId: string;
  caseNo: string;
  title: string;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <div data-testid={testId}>
      <Link to={workbenchCasePath(caseId)}>{title}</Link>
      <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 }}>{caseNo}</div>
      {children}
    </div>
  );
}
