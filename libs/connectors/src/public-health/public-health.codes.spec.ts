import type { HttpResponse } from '../common';
import { outcomeError } from './public-health.client';
import duplicate from './fixtures/not-ok/outcome-duplicate.json';
import invalidId from './fixtures/not-ok/outcome-invalid-citizen-id.json';
import structure from './fixtures/not-ok/outcome-structure.json';
import transient from './fixtures/not-ok/outcome-transient.json';

const reply = (status: number, body: unknown): HttpResponse => {
  const buffer = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return {
    status,
    headers: new Headers(),
    body: buffer,
    text: () => buffer.toString(),
    json: <T>() => JSON.parse(buffer.toString()) as T,
  };
};

describe(outcomeError.name, () => {
  it.each([
    ['a bad ID number', 400, invalidId, 'refused', '公民身份号码校验位错误'],
    ['a duplicate archive', 409, duplicate, 'refused', '该身份证号已建立健康档案'],
    ['a malformed resource (our bug)', 400, structure, 'invalid', 'resourceType must be Patient'],
    ['a transient failure', 503, transient, 'temporary', '系统繁忙，请稍后再试'],
  ])('classifies %s', (_label, status, body, kind, message) => {
    const sut = outcomeError(reply(status, body));
    expect(sut.kind).toBe(kind);
    expect(sut.message).toBe(message);
  });

  it('keeps the issue code and status for people reading the failure', () => {
    expect(outcomeError(reply(400, invalidId)).details).toEqual({ status: 400, departmentCode: 'invalid' });
  });

  it('refuses a reply without OperationOutcome with its status', () => {
    const sut = outcomeError(reply(404, 'not found'));
    expect([sut.kind, sut.message]).toEqual(['refused', 'HTTP 404']);
  });
});
