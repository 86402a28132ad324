import type { ResidentSnapshot } from '@hub/domain';
import { hubHolds, sameFact } from './fact-values';

describe('sameFact', () => {
  it('one flat written three ways is one address; another room is not', () => {
    const hub = '天宁区雕庄街道丽华新村3幢2单元501室';
    expect(sameFact('address', hub, '丽华新村3-2-501')).toBe(true);
    expect(sameFact('address', hub, '丽华新村3栋2单元501')).toBe(true);
    expect(sameFact('address', hub, '丽华新村3幢2单元502室')).toBe(false);
  });

  it('compares names, phones and dates in the record’s terms', () => {
    expect(sameFact('name', '王 建国', '王建国')).toBe(true);
    expect(sameFact('phone', '139-1234-5678', '13912345678')).toBe(true);
    expect(sameFact('birthDate', '1980-05-12', '19800512')).toBe(true);
    expect(sameFact('phone', '13912345678', '13912345679')).toBe(false);
  });

  it('a character outside GBK kept as ? by a GBK department is the same name; a GBK one is not', () => {
    expect(sameFact('name', '周𬬱', '周?')).toBe(true);
    expect(sameFact('name', '周伟', '周?')).toBe(false);
    expect(sameFact('name', '孙晨𬩽', '孙晨')).toBe(true);
    expect(sameFact('name', '孙晨𬩽', '孙晨𬩽')).toBe(true);
    expect(sameFact('name', '孙晨𬩽', '孙辰')).toBe(false);
  });
});

describe('hubHolds', () => {
  const resident = { type: 'resident', maritalStatus: null, name: '王建国' } as unknown as ResidentSnapshot;
  it('a fact the unified record lacks is never a difference; one it holds is compared', () => {
    expect(hubHolds(resident, 'maritalStatus')).toBe(false);
    expect(hubHolds(resident, 'name')).toBe(true);
    expect(hubHolds(resident, 'derived')).toBe(true);
  });
});
