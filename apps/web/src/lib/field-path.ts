/** The API names fields by request path (`members[1].idNumber`); Ant Form by arrays of keys. */
export type NamePath = Array<string | number>;

export function toNamePath(field: string): NamePath {
  const path: NamePath = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      path.push(part);
      continue;
    }
    if (match[1]) path.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

const FIELD_LABELS: Record<string, string> = {
  reason: '原因',
  residentId: '新户主',
  formerHeadRelation: '原户主与新户主的关系',
  destination: '迁往',
  idNumber: '公民身份号码',
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  phone: '联系电话',
  relation: '与户主关系',
  registrationType: '人员类别',
  registeredAddress: '户籍地址',
  maritalStatus: '婚姻状况',
  education: '文化程度',
  politicalStatus: '政治面貌',
  livingStatus: '居住状况',
  employmentStatus: '就业状况',
  pensionStatus: '养老保险状态',
  disability: '残疾',
  corrections: '社区矫正',
  certificateNo: '残疾人证号',
  type: '类别',
  grade: '等级',
  start: '开始日期',
  end: '结束日期',
  householdNo: '户号',
  communityCode: '社区',
  address: '地址',
  estate: '小区/路名',
  building: '幢',
  unit: '单元',
  room: '室',
  gridCode: '网格',
  assistance: '社会救助',
  amount: '月救助金额',
  approvedOn: '批准日期',
  joinedOn: '入户日期',
  members: '家庭成员',
  date: '日期',
  status: '状态',
  spouseId: '配偶',
  lifeStatus: '生存状态',
  residenceStatus: '在册状态',
  deathDate: '死亡日期',
  movedOutOn: '迁出日期',
  currentAddressId: '现住址',
  addressId: '住址',
  headResidentId: '户主',
  disabilityType: '残疾类别',
  disabilityGrade: '残疾等级',
  disabilityCertificateNo: '残疾人证号',
  correctionsType: '矫正类别',
  correctionsStart: '矫正开始日期',
  correctionsEnd: '矫正结束日期',
  assistanceType: '救助类别',
  assistanceAmount: '月救助金额',
  assistanceApprovedOn: '救助批准日期',
};

/** A stored column (`id_number`) or request field (`idNumber`) in Chinese. */
export function fieldLabel(key: string): string {
  const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return FIELD_LABELS[camel] ?? key;
}

/** "第2位成员 公民身份号码": where a problem is, in words a worker reads at a glance. */
export function describeField(field: string): string {
  return toNamePath(field)
    .map((key, i, all) => {
      if (typeof key === 'number') return all[i - 1] === 'members' ? `第${key + 1}位成员` : `第${key + 1}项`;
      if (key === 'members' && typeof all[i + 1] === 'number') return '';
      return FIELD_LABELS[key] ?? key;
    })
    .filter(Boolean)
    .join(' ');
}
