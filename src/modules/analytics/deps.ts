// What the analytics module needs from outside: platform (db, clock), cases (the statistics facts of
// cases and every case id for a rebuild) and org (department and division names).
import type { PlatformDeps } from '../../platform/deps.ts';
import type { CasesModule } from '../cases/index.ts';
import type { OrgModule } from '../org/index.ts';

export type AnalyticsDeps = PlatformDeps & {
  cases: Pick<CasesModule, 'statFacts' | 'caseIdsAfter'>;
  org: Pick<OrgModule, 'listDepartments' | 'listDivisions'>;
};
