// Theme navigation (主题服务) for the home page. The catalog module will attach items to these themes;
// until it lands a tile opens the search page with the theme as its query.
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
  { key: 'tax', label: '纳税缴费', icon: 'account' },
  { key: 'permits', label: '准营准办', icon: 'audit' },
  { key: 'ip', label: '知识产权', icon: 'bulb' },
  { key: 'labour', label: '劳动用工', icon: 'user' },
  { key: 'deregister', label: '企业注销', icon: 'stop' },
];
