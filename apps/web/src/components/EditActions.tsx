import { Alert, Form, Input } from 'antd';
import { DateInput } from './DateInput';
import dayjs from 'dayjs';
import { recordsApi, type ResidentDetail } from '../api/records';
import type { ActionSpec } from './ActionModal';
import { CodeSelect } from './CodeSelect';

/** Who someone is: correcting any of these needs a reason, kept in the history and the audit. */
const IDENTITY = ['name', 'idNumber', 'gender', 'birthDate', 'ethnicity'] as const;

const text = (label: string, name: string, extra: { tooltip?: string; autoFocus?: boolean } = {}) => (
  <Form.Item label={label} name={name} tooltip={extra.tooltip}>
    <Input data-testid={`field-${name}`} autoFocus={!!extra.autoFocus} />
  </Form.Item>
);

const patch = (r: ResidentDetail, body: Record<string, unknown>) =>
  recordsApi.change(r.id, { ...body, expectedVersion: r.version });

/**
 * 修改信息: contact details changed as they come; identity corrected with a reason, telling the
 * worker which departments will receive the correction (`heldBy`: their names).
 */
export function editActions(r: ResidentDetail, heldBy: string[]): ActionSpec[] {
  return [
    {
      key: 'contact',
      title: '修改联系电话',
      fields: text('联系电话', 'phone', { autoFocus: true }),
      initialValues: { phone: r.phone ?? '' },
      submit: (body) => patch(r, { phone: (body as { phone?: string } | undefined)?.phone ?? null }),
    },
    {
      key: 'details',
      title: '修改文化程度、政治面貌',
      fields: (
        <>
          <Form.Item label="文化程度" name="education">
            <CodeSelect table="education" data-testid="field-education" autoFocus />
          </Form.Item>
          <Form.Item label="政治面貌" name="politicalStatus">
            <CodeSelect table="political-status" data-testid="field-politicalStatus" />
          </Form.Item>
        </>
      ),
      initialValues: {
        education: r.education ?? undefined,
        politicalStatus: r.politicalStatus ?? undefined,
      },
      submit: (body) => {
        const values = (body ?? {}) as { education?: string; politicalStatus?: string };
        return patch(r, {
          education: values.education ?? null,
          politicalStatus: values.politicalStatus ?? null,
        });
      },
    },
    {
      key: 'identity',
      title: '更正身份信息',
      fields: (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="identity-told"
            message={
              heldBy.length > 0
                ? `保存后将把更正发送到：${heldBy.join('、')}`
                : '该居民尚未登记到任何部门系统'
            }
          />
          {text('姓名', 'name', { autoFocus: true })}
          {text('公民身份号码', 'idNumber', { tooltip: '公安机关尚未分配的可留空' })}
          <Form.Item label="性别" name="gender">
            <CodeSelect table="gender" data-testid="field-gender" />
          </Form.Item>
          <Form.Item label="出生日期" name="birthDate">
            <DateInput data-testid="field-birthDate" />
          </Form.Item>
          <Form.Item label="民族" name="ethnicity">
            <CodeSelect table="ethnicity" data-testid="field-ethnicity" />
          </Form.Item>
          <Form.Item
            label="更正原因"
            name="reason"
            required
            tooltip="记入变更记录，如：户口簿姓名为某某，录入时误写"
          >
            <Input.TextArea rows={2} maxLength={200} data-testid="field-reason" />
          </Form.Item>
        </>
      ),
      initialValues: {
        name: r.name,
        idNumber: r.idNumber ?? '',
        gender: r.gender,
        birthDate: r.birthDate ? dayjs(r.birthDate) : undefined,
        ethnicity: r.ethnicity,
      },
      submit: (body) => {
        const values = (body ?? {}) as Record<string, unknown>;
        // Only what the worker changed is sent: an unchanged field is no correction.
        const changed = Object.fromEntries(
          IDENTITY.filter((f) => values[f] !== undefined && values[f] !== (r[f] ?? undefined)).map((f) => [
            f,
            values[f],
          ]),
        );
        return patch(r, { ...changed, reason: values.reason });
      },
    },
  ];
}
