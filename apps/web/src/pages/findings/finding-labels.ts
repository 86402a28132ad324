import { systemName } from '../../lib/systems';

/** What each checked field is called on the worklist. */
const FIELD_NAMES: Record<string, string> = {
  idNumber: '公民身份号码',
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  phone: '联系电话',
  address: '现住址',
  registeredAddress: '户籍地址',
  ethnicity: '民族',
  education: '文化程度',
  maritalStatus: '婚姻状况',
  politicalStatus: '政治面貌',
  livingStatus: '居住状况',
  registrationType: '户籍类别',
  status: '在世、在册状态',
};

const HOLDING = 'holding:';

export const fieldName = (field: string): string =>
  field.startsWith(HOLDING)
    ? `是否在册：${systemName(field.slice(HOLDING.length))}`
    : (FIELD_NAMES[field] ?? field);

export const FIELD_FILTERS = Object.keys(FIELD_NAMES);
