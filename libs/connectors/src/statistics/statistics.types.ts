/** 社区基本情况统计表: one community, one month (`yyyy-MM`). */
export interface CommunityFigures {
  period: string;
  households: number;
  population: number;
  male: number;
  female: number;
  registered: number;
  floating: number;
  age0to14: number;
  age15to59: number;
  age60plus: number;
  age80plus: number;
  disabled: number;
  dibaoHouseholds: number;
  dibaoPersons: number;
  unemployed: number;
}

/** The report as submitted: the figures and the community they describe. */
export interface StatisticsReport extends CommunityFigures {
  communityCode: string;
}

/** `POST /api/report/submit` reply. */
export interface SubmitReply {
  reportNo: string;
  revision: number;
}

export interface StatisticsOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
}
