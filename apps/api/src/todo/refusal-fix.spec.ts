import { refusalFix } from './refusal-fix';

describe('refusalFix', () => {
  it('reads the militia’s education refusal as a missing 文化程度', () => {
    expect(refusalFix('文化程度“”不在可选范围内')).toEqual({
      hint: '补录或更正文化程度后自动重新发送',
      action: 'details',
    });
  });

  it('sends identity mismatches to the correction form', () => {
    expect(refusalFix('出生日期与公民身份号码不符').action).toBe('identity');
    expect(refusalFix('性别与身份证号码不符').action).toBe('identity');
  });

  it('sends a phone refusal to the contact form, an address one to the move', () => {
    expect(refusalFix('联系电话格式错误').action).toBe('contact');
    expect(refusalFix('现居住地不能为空').action).toBe('address');
  });

  it('has a fix in words for what it does not recognise, and for no message', () => {
    expect(refusalFix('E999 未知错误').hint).toContain('重新发送');
    expect(refusalFix(null).action).toBeNull();
  });
});
