import { checkPhone, maskPhone, normalisePhone } from './phone';

const PHONE_MESSAGE = '联系电话格式不正确（手机11位，或座机0519-8位号码）';

describe(normalisePhone.name, () => {
  it.each([
    ['13812345678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['１３８－１２３４\u3000５６７８', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0519-81234567', '0519-81234567'],
    ['051981234567', '0519-81234567'],
    ['(0519) 8123 4567', '0519-81234567'],
    ['０５１９－８８１２３４５６', '0519-88123456'],
  ])('normalises %j to %j', (raw, normalised) => {
    expect(normalisePhone(raw)).toBe(normalised);
  });

  it('leaves what it cannot recognise as typed, only trimmed and half-width', () => {
    expect(normalisePhone(' 12345 ')).toBe('12345');
    expect(normalisePhone('021-61234567')).toBe('021-61234567');
  });
});

describe(checkPhone.name, () => {
  it.each(['13812345678', '19912345678', '0519-81234567', '051981234567'])('accepts %j', (phone) => {
    expect(checkPhone(phone)).toBeUndefined();
  });

  it.each([
    '',
    '12812345678',
    '1381234567',
    '138123456789',
    '0519-61234567',
    '021-61234567',
    '138 1234 5678',
  ])('refuses %j', (phone) => {
    expect(checkPhone(phone)).toBe(PHONE_MESSAGE);
  });

  it('accepts whatever normalisePhone recognises', () => {
    expect(checkPhone(normalisePhone('１３８ 1234-5678'))).toBeUndefined();
  });
});

describe(maskPhone.name, () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['051981234567', '0519-****4567'],
    ['021-61234567', '********4567'],
    ['12345', '*****'],
    ['', ''],
  ])('masks %j as %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
