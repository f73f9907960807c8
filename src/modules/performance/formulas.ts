// The metrics of performance evaluation with their formulas and their weights in the composite score
// (decision 0010). The texts are returned by the API and shown beside every figure.
import type { FormulaView, MetricKey } from './schema.ts';

export const FORMULAS: FormulaView[] = [
  {
    key: 'onTime',
    label: '按时办结率',
    formula: '按时办结率 = 法定期限内办结的办件数 ÷ 期内办结的办件数 × 100%',
    numerator: '期内办结、办结日（北京时间）不晚于法定办结日的办件；无法定期限的即办件视为按时',
    denominator: '期内办结（状态为已办结，办结时间在期内）的办件',
    weight: 25,
    scoring: '得分 = 按时办结率',
  },
  {
    key: 'early',
    label: '提前办结率',
    formula: '提前办结率 = 早于承诺办结日办结的办件数 ÷ 期内办结的承诺件数 × 100%',
    numerator: '期内办结、办结日早于承诺办结日的办件',
    denominator: '期内办结且有承诺办结日的办件（即办件不计入）',
    weight: 10,
    scoring: '得分 = 提前办结率',
  },
  {
    key: 'firstTime',
    label: '一次办结率',
    formula: '一次办结率 = 未经补正即办结的办件数 ÷ 期内办结的办件数 × 100%',
    numerator: '期内办结、从未被要求补正的办件',
    denominator: '期内办结的办件',
    weight: 15,
    scoring: '得分 = 一次办结率',
  },
  {
    key: 'visits',
    label: '平均跑动次数',
    formula: '平均跑动次数 = 期内办结办件的跑动次数之和 ÷ 期内办结的办件数',
    numerator:
      '跑动次数之和；每件：窗口申报 1 次（网上申报 0 次）+ 每次在窗口提交补正材料 1 次 + 选择窗口领取结果 1 次（窗口申报当天办结的当场领取，不另计）',
    denominator: '期内办结的办件',
    weight: 10,
    scoring: '得分 = max(0, 1 − 平均跑动次数 ÷ 2)：0 次满分，2 次及以上 0 分',
  },
  {
    key: 'online',
    label: '网办率',
    formula: '网办率 = 期内网上申报的办件数 ÷ 期内申报的办件数 × 100%',
    numerator: '申报时间在期内、经网上（门户）申报的办件',
    denominator: '申报时间在期内的办件（网上与窗口）',
    weight: 10,
    scoring: '得分 = 网办率',
  },
  {
    key: 'satisfaction',
    label: '满意度',
    formula: '满意度 = 非常满意、满意、基本满意的评价数 ÷ 期内有效评价数 × 100%',
    numerator: '期内评价等级为 1 非常满意、2 满意、3 基本满意的有效评价',
    denominator: '期内评价中未被剔除（如申诉成立的恶意差评）的评价',
    weight: 20,
    scoring: '得分 = 满意度',
  },
  {
    key: 'rectification',
    label: '差评整改率',
    formula: '差评整改率 = 整改已办结的差评数 ÷ 期内有效差评数 × 100%',
    numerator: '期内差评中整改单已办结（有办结时间）的',
    denominator: '期内评价为 4 不满意、5 非常不满意且未被剔除的评价',
    weight: 5,
    scoring: '得分 = 差评整改率',
  },
  {
    key: 'orders',
    label: '督办件数',
    formula: '督办件数 = 期内发出的督办单数',
    numerator: '督办发出时间在期内的督办单',
    denominator: '同分子',
    weight: 0,
    scoring: '不计分（仅列示）',
  },
  {
    key: 'ordersOnTime',
    label: '督办按期答复率',
    formula: '督办按期答复率 = 在答复期限内答复的督办单数 ÷ 期内发出且已答复或已过答复期限的督办单数 × 100%',
    numerator: '答复日（北京时间）不晚于答复期限的督办单',
    denominator: '期内发出、已答复或答复期限已过（期限未到且未答复的不计入）的督办单',
    weight: 5,
    scoring: '得分 = 督办按期答复率',
  },
];

export const SCORE_FORMULA =
  '综合得分 = Σ(权重 × 指标得分) ÷ Σ(有数据指标的权重) × 100；无数据的指标不参与，其权重按比例分给其余指标。排名按综合得分从高到低，得分相同名次相同。';

export const formulaOf = (key: MetricKey): FormulaView => {
  const found = FORMULAS.find((f) => f.key === key);
  if (!found) throw new Error(`unknown metric ${key}`);
  return found;
};

/** The metric's 0–1 score from its value. */
export const scoreOf = (key: MetricKey, value: number): number =>
  key === 'visits' ? Math.max(0, 1 - value / 2) : value;
