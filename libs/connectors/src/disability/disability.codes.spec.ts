import type { HttpResponse } from '../common';
import { cardNumber, disabilityError, parseCardNumber } from './disability.codes';
import alreadyRevoked from './fixtures/not-ok/422-already-revoked.json';
import mismatch from './fixtures/not-ok/422-card-mismatch.json';

const reply = (status: number, body: unknown): HttpResponse => {
  const buffer = Buffer.from(JSON.stringify(body));
  return {
    status,
    headers: new Headers(),
    body: buffer,
    text: () => buffer.toString(),
    json: <T>() => body as T,
  };
};

describe(cardNumber.name, () => {
  it('appends type and grade to the 18-character ID number', () => {
    expect(cardNumber('32040219630510013X', '4', '2')).toBe('32040219630510013X42');
  });

  it('refuses codes outside GB/T 26341 and incomplete ID numbers as our side invalid', () => {
    expect(() => cardNumber('320402196305100135', '8', '2')).toThrow(
      expect.objectContaining({ kind: 'invalid' }),
    );
    expect(() => cardNumber('320402196305100135', '4', '5')).toThrow(
      expect.objectContaining({ kind: 'invalid' }),
    );
    expect(() => cardNumber('320402630510013', '4', '2')).toThrow(
      expect.objectContaining({ kind: 'invalid' }),
    );
  });
});

describe(parseCardNumber.name, () => {
  it('splits a certificate number and refuses anything else', () => {
    expect(parseCardNumber('32040219630510013x42')).toEqual({
      idNumber: '32040219630510013X',
      type: '4',
      grade: '2',
    });
    expect(parseCardNumber('3204021963051001354')).toBeNull();
    expect(parseCardNumber('32040219630510013582')).toBeNull();
  });
});

describe(disabilityError.name, () => {
  it('keeps the department message of a 422, final', () => {
    const error = disabilityError(reply(422, mismatch));
    expect(error).toMatchObject({
      kind: 'refused',
      message: '残疾人证号与身份证号码、残疾类别、残疾等级不一致',
    });
    expect(error.details).toMatchObject({ status: 422, departmentCode: '422' });
    expect(error.final).toBe(true);
  });

  it('reads the refusal to change a revoked certificate as a 422 refusal too', () => {
    expect(disabilityError(reply(422, alreadyRevoked))).toMatchObject({
      kind: 'refused',
      message: '该残疾人证已注销，不能修改',
      details: { status: 422 },
    });
  });

  it('classifies the rest', () => {
    expect(disabilityError(reply(403, {})).kind).toBe('auth');
    expect(disabilityError(reply(418, {})).kind).toBe('invalid');
  });
});
