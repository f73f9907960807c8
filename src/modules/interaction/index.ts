// interaction: the public's dealings with the platform beyond filing. For now ratings (好差评): one
// rating per service event of a case (portal, window tablet, QR link), amendable once, GB/T 39046 A.8
// codes; every bad rating opens a rectification order (整改工单) with its workflow, deadline and
// appeals; public statistics; rating facts for the performance evaluation. Consultations and 12345
// will join it. Owns schema `interaction`. Calls audit and cases (service events).
import type { RequestContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/http/access.ts';
import type { InteractionDeps } from './deps.ts';
import * as rectification from './ratings/rectification.ts';
import type { AmendBody, LinkBody, RateBody, RectificationQuery, StatsQuery } from './ratings/schema.ts';
import { seedDemoRatings } from './ratings/seed.ts';
import * as ratings from './ratings/service.ts';
import * as stats from './ratings/stats.ts';

export type { InteractionDeps } from './deps.ts';
export { isBad, LEVEL_LABELS, levelFromStars, starsFromLevel } from './ratings/levels.ts';
export { ratingsRoutes as interactionRoutes } from './ratings/routes.ts';
export type { RatingView, RectificationView } from './ratings/schema.ts';
export type { RatingFact } from './ratings/stats.ts';

export function createInteraction(deps: InteractionDeps) {
  return {
    // ── ratings ──
    caseRatings: (actor: Actor, caseId: string) => ratings.caseRatings(deps, actor, caseId),
    /** GB/T 39046 Table 9 rows of the case's ratings. */
    table9: (actor: Actor, caseId: string) => ratings.table9(deps, actor, caseId),
    rate: (ctx: RequestContext, caseId: string, eventId: string, input: RateBody) =>
      ratings.rate(deps, ctx, caseId, eventId, input),
    amend: (ctx: RequestContext, id: string, input: AmendBody) => ratings.amend(deps, ctx, id, input),
    issueLink: (actor: Actor, input: LinkBody) => ratings.issueLink(deps, actor, input),
    linkEvent: (token: string) => ratings.linkEvent(deps, token),
    rateByLink: (ctx: RequestContext, token: string, input: AmendBody) =>
      ratings.rateByLink(deps, ctx, token, input),
    amendByLink: (ctx: RequestContext, token: string, input: AmendBody) =>
      ratings.amendByLink(deps, ctx, token, input),
    publicStats: (query: StatsQuery) => stats.publicStats(deps, query),
    /** For the performance evaluation: every rating in [from, to] with its rectification order. */
    ratingFacts: (input: { from: string; to: string; departmentId?: string }) =>
      stats.ratingFacts(deps, input),

    // ── rectification orders ──
    listRectifications: (actor: Actor, query: RectificationQuery) =>
      rectification.listRectifications(deps, actor, query),
    getRectification: (actor: Actor, id: string) => rectification.getRectification(deps, actor, id),
    verify: (ctx: RequestContext, id: string, finding: string) =>
      rectification.verify(deps, ctx, id, finding),
    rectify: (ctx: RequestContext, id: string, measures: string) =>
      rectification.rectify(deps, ctx, id, measures),
    reply: (ctx: RequestContext, id: string, text: string) => rectification.reply(deps, ctx, id, text),
    visit: (ctx: RequestContext, id: string, input: { result: string; isSatisfied: boolean }) =>
      rectification.visit(deps, ctx, id, input),
    close: (ctx: RequestContext, id: string, note: string | undefined) =>
      rectification.close(deps, ctx, id, note),
    appeal: (ctx: RequestContext, id: string, reason: string) => rectification.appeal(deps, ctx, id, reason),
    decideAppeal: (ctx: RequestContext, id: string, input: { isUpheld: boolean; decision: string }) =>
      rectification.decideAppeal(deps, ctx, id, input),
    getSettings: () => rectification.getSettings(deps),
    /** Demo ratings of the demo citizens' cases (idempotent); the number made. */
    seedDemo: (citizens: Array<Actor | null>, caseIdsOf: (citizen: Actor) => Promise<string[]>) =>
      seedDemoRatings(deps, citizens, caseIdsOf),
    setSettings: (ctx: RequestContext, days: number) => rectification.setSettings(deps, ctx, days),
  };
}
export type InteractionModule = ReturnType<typeof createInteraction>;
