/** The twelve departmental systems the hub delivers to, as operators see them. */
export const DEPARTMENT_SYSTEMS = [
  { slug: 'police-population', name: '公安局 实有人口管理系统', mode: 'online' },
  { slug: 'civil-assistance', name: '民政局 社会救助(低保)信息系统', mode: 'online' },
  { slug: 'aging-services', name: '老龄办 养老服务信息系统', mode: 'online' },
  { slug: 'family-planning', name: '卫生计生委 全员人口信息系统', mode: 'online' },
  { slug: 'public-health', name: '卫生计生委 居民健康档案系统', mode: 'online' },
  { slug: 'employment', name: '人社局 就业创业管理信息系统', mode: 'online' },
  { slug: 'social-insurance', name: '人社局 城乡居民养老保险系统', mode: 'batch' },
  { slug: 'disability', name: '残联 残疾人人口基础数据库', mode: 'online' },
  { slug: 'justice-corrections', name: '司法局 社区矫正信息系统', mode: 'online' },
  { slug: 'militia-conscription', name: '人武部 兵役登记信息系统', mode: 'batch' },
  { slug: 'grid-governance', name: '综治办 网格化社会治理平台', mode: 'batch' },
  { slug: 'statistics', name: '统计局 统计联网直报平台', mode: 'report' },
] as const;

export type DepartmentSystem = (typeof DEPARTMENT_SYSTEMS)[number]['slug'];

export const isDepartmentSystem = (value: string): value is DepartmentSystem =>
  DEPARTMENT_SYSTEMS.some((s) => s.slug === value);
