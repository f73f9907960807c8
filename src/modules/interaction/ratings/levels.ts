// 好差评 levels, channels and service events as codes. Pure; shared with the web front end.
// Levels are stored as GB/T 39046 A.8 codes: 1 非常满意 … 5 非常不满意 (STANDARDS §6). Some provincial
// interfaces (and the star widgets of phones) count the other way round — 5 stars best — so every
// conversion goes through the two functions below, never through ad-hoc arithmetic.

export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = {
  1: '非常满意',
  2: '满意',
  3: '基本满意',
  4: '不满意',
  5: '非常不满意',
};
/** 差评: 不满意 and 非常不满意 (A.8 codes 4 and 5). */
export const isBad = (level: number) => level >= 4;
/** 满意 for the satisfaction rate: 非常满意, 满意, 基本满意. */
export const isSatisfied = (level: number) => level <= 3;

const isStep = (n: number): n is Level => Number.isInteger(n) && n >= 1 && n <= 5;
/** A reversed interface's stars (1 worst … 5 best) to the A.8 code (1 非常满意 … 5 非常不满意). */
export function levelFromStars(stars: number): Level {
  if (!isStep(stars)) throw new RangeError(`stars must be 1–5: ${stars}`);
  return (6 - stars) as Level;
}
/** The A.8 code to a reversed interface's stars. */
export function starsFromLevel(level: number): Level {
  if (!isStep(level)) throw new RangeError(`level must be 1–5: ${level}`);
  return (6 - level) as Level;
}

/**
 * 评价渠道 (GB/T 39046 Table 9). The standard lists the names without codes; these codes are ours, in the
 * table's order.
 */
export const CHANNELS = {
  '1': 'PC端',
  '2': '移动服务端',
  '3': '二维码',
  '4': '政务大厅平板电脑',
  '5': '政务大厅其他终端',
  '6': '电话',
  '7': '短信',
} as const;
export type ChannelCode = keyof typeof CHANNELS;
export const CHANNEL_CODES = Object.keys(CHANNELS) as ChannelCode[];
/** The channels a signed-in applicant rates through in the portal. */
export const PORTAL_CHANNELS: ChannelCode[] = ['1', '2'];
/** The channels of a clerk's rating link: the QR code and the hall's tablet. */
export const LINK_CHANNELS: ChannelCode[] = ['3', '4'];

/** Service events a rating is about (服务名称: 咨询、申报、补正、缴费、签收, plus 办结). */
export const EVENT_KINDS = {
  consult: '咨询',
  apply: '申报',
  supplement: '补正',
  pay: '缴费',
  receive: '签收',
  conclude: '办结',
} as const;
export type EventKind = keyof typeof EVENT_KINDS;
