import type { SourcePerson } from '@hub/matching';
import { inboundPerson } from './inbound-person';

const staged: SourcePerson = {
  system: 'public-health',
  recordId: 'P-17',
  idNumberRaw: '320402198001010012',
  idNumber: '320402198001010012',
  idValid: true,
  name: '王芳',
  gender: '2',
  birthDate: '1980-01-01',
  phone: '13912345678',
  address: {
    text: '钟楼区西林街道新城花园3幢2单元301室',
    district: '钟楼区',
    street: '西林街道',
    estate: '新城花园',
    building: '3',
    unit: '2',
    room: '301',
  },
  attributes: { communityCode: '320404001001' },
};

describe('inboundPerson: a department record after a change from its feed', () => {
  it('lays the changed identity fields over the record staged from the import', () => {
    const person = inboundPerson(
      'public-health',
      {
        externalId: 'P-17',
        idNumber: null,
        fields: { phone: '13800001111' },
        changedAt: '2026-11-01T00:00:00Z',
      },
      staged,
    );
    expect(person).toEqual({ ...staged, phone: '13800001111' });
  });

  it('normalises what the change states (full-width digits, 15-digit ID numbers)', () => {
    const person = inboundPerson(
      'police-population',
      {
        externalId: 'R1',
        idNumber: '320402800101001',
        fields: { name: '李　娜', phone: '１３９１２３４５６７８' },
        changedAt: '2026-11-01T00:00:00Z',
      },
      undefined,
    );
    expect(person).toMatchObject({
      system: 'police-population',
      recordId: 'R1',
      idNumber: '320402198001010012',
      idValid: true,
      name: '李娜',
      phone: '13912345678',
      address: null,
      attributes: {},
    });
  });

  it('skips what identifies nobody: household changes, changes without a record id or any identity', () => {
    const change = { externalId: 'X', idNumber: null, fields: { employmentStatus: '11' }, changedAt: '' };
    expect(inboundPerson('employment', change, undefined)).toBeUndefined();
    expect(inboundPerson('employment', { ...change, externalId: null }, staged)).toBeUndefined();
    expect(
      inboundPerson(
        'civil-assistance',
        { ...change, subjectType: 'household', idNumber: staged.idNumber },
        staged,
      ),
    ).toBeUndefined();
  });
});
