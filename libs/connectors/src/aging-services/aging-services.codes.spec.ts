import type { HttpResponse } from '../common';
import { agingError, agingLivingStatus, allowanceLevel } from './aging-services.codes';
import notFound from './fixtures/not-ok/404-not-found.json';
import validationFailed from './fixtures/not-ok/422-validation-failed.json';

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

describe(allowanceLevel.name, () => {
  it.each([
    [60, 'none'],
    [79, 'none'],
    [80, '80-89'],
    [89, '80-89'],
    [90, '90-99'],
    [99, '90-99'],
    [100, '100+'],
    [104, '100+'],
  ])('%i → %s', (age, level) => {
    expect(allowanceLevel(age)).toBe(level);
  });
});

describe(agingLivingStatus.name, () => {
  it.each([
    ['alone', 'alone'],
    ['with_spouse', 'with_spouse'],
    ['with_children', 'with_children'],
    ['institution', 'institution'],
    ['other', null],
    [null, null],
    ['toString', null],
  ])('%s → %s', (code, status) => {
    expect(agingLivingStatus(code)).toBe(status);
  });
});

describe(agingError.name, () => {
  it('keeps the department message of a business refusal, final', () => {
    const error = agingError(reply(422, validationFailed));
    expect(error).toMatchObject({ kind: 'refused', message: '性别应为M或F' });
    expect(error.details).toMatchObject({ status: 422, departmentCode: 'validation_failed' });
    expect(error.final).toBe(true);
  });

  it('classifies the rest', () => {
    expect(agingError(reply(404, notFound))).toMatchObject({ kind: 'refused', message: '老人档案不存在' });
    expect(agingError(reply(403, {})).kind).toBe('auth');
    expect(agingError(reply(415, {})).kind).toBe('invalid');
  });
});
