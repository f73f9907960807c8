// Ratings (好差评) in the web: types from the interaction module's pure schema, the five levels in
// A.8 order (1 非常满意 … 5 非常不满意) and the wording of rectification orders.
import type { z } from 'zod';
import type {
  CaseRatings as CaseRatingsSchema,
  LinkEventView,
  LinkView as LinkViewSchema,
  RatingView as RatingViewSchema,
  RectificationList as RectificationListSchema,
  RectificationView as RectificationViewSchema,
} from '../../modules/interaction/schema.ts';
import { LEVEL_LABELS, LEVELS } from '../../modules/interaction/schema.ts';
import type { Tone } from './StatusTag.tsx';

export type RatingView = z.infer<typeof RatingViewSchema>;
export type CaseRatings = z.infer<typeof CaseRatingsSchema>;
export type RatableEvent = CaseRatings['events'][number];
export type LinkEvent = z.infer<typeof LinkEventView>;
export type RatingLink = z.infer<typeof LinkViewSchema>;
export type RectificationView = z.infer<typeof RectificationViewSchema>;
export type RectificationList = z.infer<typeof RectificationListSchema>;

/** The five choices, best first, each with its A.8 code. */
export const LEVEL_OPTIONS = LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] }));
export { LEVEL_LABELS };

export const levelTone = (level: number): Tone =>
  level >= 4 ? 'danger' : level === 3 ? 'warning' : 'success';

export const rectificationTone = (r: { state: string; outcome: string | null; isOverdue?: boolean }): Tone =>
  r.outcome === 'appeal_upheld'
    ? 'neutral'
    : r.state === 'closed'
      ? 'success'
      : r.isOverdue
        ? 'danger'
        : 'warning';

export const APPEAL_LABELS: Record<string, string> = {
  pending: '申诉待审',
  upheld: '申诉成立',
  rejected: '申诉驳回',
};
