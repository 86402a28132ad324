import { standInDepartment } from '../testing/stand-in-department';
import badSignature from './fixtures/not-ok/bad-signature-e401.sealed.json';
import refusedE101 from './fixtures/not-ok/save-refused-e101.sealed.json';
import saveReply from './fixtures/ok/save-reply.json';
import { JusticeCorrectionsClient } from './justice-corrections.client';
import { seal } from './justice-corrections.envelope';

const keys = { sm4Key: '0123456789abcdeffedcba9876543210', macKey: 'hub-justice-mac-key' };

/** Answers every call with one status and body, as the department would. */
const department = (status: number, body: object) => standInDepartment(() => ({ status, body }));

describe(JusticeCorrectionsClient.name, () => {
  it.each([
    [
      'a sealed business refusal',
      400,
      refusedE101,
      { kind: 'refused', message: '身份证号码校验错误', details: { status: 400, departmentCode: 'E101' } },
    ],
    ['a refused signature', 401, badSignature, { kind: 'auth' }],
    [
      'a reply whose signature does not verify',
      200,
      { ...seal(saveReply, keys), sign: '00'.repeat(32) },
      { kind: 'temporary' },
    ],
    [
      'a refusal code in an unsealed 200 reply',
      200,
      { code: 'E102', msg: '矫正期限不合法' },
      { kind: 'refused', message: '矫正期限不合法' },
    ],
  ])('classifies %s', async (_label, status, body, expected) => {
    const dept = await department(status, body);
    const sut = new JusticeCorrectionsClient({ baseUrl: dept.url, ...keys });
    await expect(sut.call('/api/sqjz/ryxx/save', {})).rejects.toMatchObject(expected);
    await dept.close();
  });

  it('opens a sealed success', async () => {
    const dept = await department(200, seal(saveReply, keys));
    const sut = new JusticeCorrectionsClient({ baseUrl: dept.url, ...keys });
    await expect(sut.call('/api/sqjz/ryxx/save', {})).resolves.toEqual(saveReply);
    await dept.close();
  });
});
