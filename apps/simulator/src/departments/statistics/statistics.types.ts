/** The figures of 社区基本情况统计表, with the labels the platform shows in its messages. */
export const FIGURES = {
  households: '户数',
  population: '总人口',
  male: '男性人口',
  female: '女性人口',
  registered: '户籍人口',
  floating: '流动人口',
  age0to14: '0-14岁人口',
  age15to59: '15-59岁人口',
  age60plus: '60岁及以上人口',
  age80plus: '80岁及以上人口',
  disabled: '残疾人数',
  dibaoHouseholds: '低保户数',
  dibaoPersons: '低保人数',
  unemployed: '失业人数',
} as const;

export type FigureName = keyof typeof FIGURES;
export type Figures = Record<FigureName, number>;
export const FIGURE_NAMES = Object.keys(FIGURES) as FigureName[];

/** What a community submits: its code, the month and the figures. */
export type ReportSubmission = { communityCode: string; period: string } & Figures;

/** One stored revision, as the platform exports it (also the seed format `statistics.json`). */
export type ReportRevision = {
  reportNo: string;
  revision: number;
  /** ISO 8601 with the +08:00 offset */
  submittedAt: string;
} & ReportSubmission;
