import { disabilityCertificateProblem } from './disability-certificate';

describe(disabilityCertificateProblem.name, () => {
  const id = '11010519491231002X';
  it('accepts the ID number followed by type and grade, or no number at all', () => {
    expect(
      disabilityCertificateProblem(id, { type: '4', grade: '2', certificateNo: `${id}42` }),
    ).toBeUndefined();
    expect(disabilityCertificateProblem(id, { type: '4', grade: '2' })).toBeUndefined();
  });
  it('refuses a number that names another type, grade or person', () => {
    expect(disabilityCertificateProblem(id, { type: '4', grade: '2', certificateNo: `${id}41` })).toMatch(
      /残疾人证号/,
    );
    expect(
      disabilityCertificateProblem(id, { type: '4', grade: '2', certificateNo: '11010519491231001942' }),
    ).toMatch(/残疾人证号/);
  });
});
