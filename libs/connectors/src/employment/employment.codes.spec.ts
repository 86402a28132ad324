import { parseSaveReply } from './employment.codes';

describe(parseSaveReply.name, () => {
  it('keeps the own id of a saved person', () => {
    expect(parseSaveReply('0|成功|3204000000000205')).toEqual({ ok: true, jyrybh: '3204000000000205' });
  });

  it('names the record already holding the ID number when a registration is refused for it', () => {
    const reply = parseSaveReply('1|该身份证号码已登记，人员编号：3204000000000205');
    if (reply.ok) throw new Error('accepted');
    expect(reply.error).toMatchObject({ kind: 'refused', details: { heldAs: '3204000000000205' } });
  });

  it('names no record for any other refusal', () => {
    const reply = parseSaveReply('1|身份证号码校验错误');
    if (reply.ok) throw new Error('accepted');
    expect(reply.error.details.heldAs).toBeUndefined();
  });
});
