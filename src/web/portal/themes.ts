// Theme navigation (主题服务) for the home page: the seeded catalog's themes (life events) for 个人 and
// 法人; a tile opens the theme's item list (/themes/:theme) for that audience.
export type Theme = { key: string; label: string; icon: ThemeIcon };
export type ThemeIcon =
  | 'heart'
  | 'solution'
  | 'safety'
  | 'home'
  | 'car'
  | 'medicine'
  | 'read'
  | 'idcard'
  | 'coffee'
  | 'team'
  | 'shop'
  | 'build'
  | 'bank'
  | 'account'
  | 'audit'
  | 'bulb'
  | 'user'
  | 'stop';

export const PERSONAL_THEMES: Theme[] = [
  { key: 'marriage-birth', label: '婚育', icon: 'heart' },
  { key: 'employment', label: '就业创业', icon: 'solution' },
  { key: 'social-security', label: '社会保障', icon: 'safety' },
  { key: 'housing', label: '住房', icon: 'home' },
  { key: 'transport', label: '交通出行', icon: 'car' },
  { key: 'health', label: '医疗卫生', icon: 'medicine' },
  { key: 'education', label: '教育', icon: 'read' },
  { key: 'household', label: '户籍', icon: 'idcard' },
  { key: 'retirement', label: '退休养老', icon: 'coffee' },
  { key: 'disability', label: '残疾人', icon: 'team' },
];

export const ENTERPRISE_THEMES: Theme[] = [
  { key: 'start-business', label: '开办企业', icon: 'shop' },
  { key: 'construction', label: '建设工程', icon: 'build' },
  { key: 'real-estate', label: '不动产', icon: 'bank' },
  { key: 'tax', label: '税费缴纳', icon: 'account' },
  { key: 'investment', label: '投资项目', icon: 'audit' },
  { key: 'food-drug', label: '食品药品', icon: 'medicine' },
  { key: 'safety', label: '安全生产', icon: 'safety' },
  { key: 'environment', label: '生态环境', icon: 'bulb' },
  { key: 'employment', label: '就业创业', icon: 'user' },
  { key: 'culture-tourism', label: '文化旅游', icon: 'read' },
];

/** The theme list of an audience: 个人 items serve 自然人. */
export const themePath = (label: string, serves: '自然人' | '法人') =>
  `/themes/${encodeURIComponent(label)}?serves=${encodeURIComponent(serves)}`;
