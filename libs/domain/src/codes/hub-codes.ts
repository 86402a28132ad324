/**
 * The hub's own code tables, for facts no national standard covers. Codes are stable English
 * words (or the departments' digits where they all agree) so they read well in logs and SQL.
 */
import { codeTable } from './code-table';

export const REGISTRATION_TYPE = codeTable({ registered: '户籍', floating: '流动', overseas: '境外' });

export const LIFE_STATUS = codeTable({ alive: '健在', deceased: '死亡' });

export const RESIDENCE_STATUS = codeTable({ present: '在册', moved_out: '已迁出' });

export const HOUSEHOLD_TYPE = codeTable({ family: '家庭户', collective: '集体户' });

export const HOUSEHOLD_STATUS = codeTable({ active: '正常', dissolved: '已注销' });

export const LIVING_STATUS = codeTable({
  alone: '独居',
  with_spouse: '与配偶同住',
  with_children: '与子女同住',
  institution: '机构养老',
  other: '其他',
});

export const EMPLOYMENT_STATUS = codeTable({
  '1': '就业',
  '2': '失业',
  '3': '灵活就业',
  '4': '退休',
  '5': '在校学生',
});

export const PENSION_STATUS = codeTable({
  none: '未参保',
  paying: '参保缴费',
  suspended: '暂停缴费',
  terminated: '终止参保',
  receiving: '待遇领取',
  employee: '职工养老保险',
});

export const ASSISTANCE_TYPE = codeTable({ dibao: '低保', dibao_edge: '低保边缘', tekun: '特困' });

export const CORRECTIONS_TYPE = codeTable({ '1': '管制', '2': '缓刑', '3': '假释', '4': '暂予监外执行' });
