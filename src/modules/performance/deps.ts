// What performance evaluation needs from outside: platform (db, clock), cases (performance facts),
// supervision (orders) and the ratings of interaction (好差评) through a port that app.ts fills — a
// port that returns nothing makes 满意度 and 差评整改率 "无数据".
import type { PlatformDeps } from '../../platform/deps.ts';
import type { CasesModule } from '../cases/index.ts';
import type { SupervisionModule } from '../supervision/index.ts';

/** One rating (好差评) as performance reads it: level 1 非常满意 … 5 非常不满意. */
export type RatingFact = {
  ratingId: string;
  caseId: string;
  departmentId: string;
  implementationId: string;
  level: number;
  /** 不满意 or 非常不满意 */
  bad: boolean;
  /** left out of the statistics (e.g. a malicious rating removed on appeal) */
  excluded: boolean;
  at: Date;
  rectification: {
    status: string;
    dueDate: string;
    closedAt: Date | null;
    closedOnTime: boolean | null;
  } | null;
};

/** The rating as interaction's door gives it: instants as ISO strings. */
export type RatingRecord = Omit<RatingFact, 'at' | 'rectification'> & {
  at: string;
  rectification: {
    status: string;
    dueDate: string;
    closedAt: string | null;
    closedOnTime: boolean | null;
  } | null;
};

/** interaction's `ratingFacts`: ratings made in [from, to) (ISO instants), of one department or all. */
export type RatingsPort = {
  ratingFacts(query: { from: string; to: string; departmentId?: string }): Promise<RatingRecord[]>;
};

export type PerformanceDeps = Pick<PlatformDeps, 'db' | 'clock'> & {
  cases: Pick<CasesModule, 'performanceFacts'>;
  supervision: Pick<SupervisionModule, 'orderFacts'>;
  ratings: RatingsPort;
};
