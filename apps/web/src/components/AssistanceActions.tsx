import { Form, Input, Typography } from 'antd';
import { DateInput } from './DateInput';
import dayjs from 'dayjs';
import { recordsApi, type HouseholdDetail } from '../api/records';
import type { ActionSpec } from './ActionModal';
import { CodeSelect } from './CodeSelect';

/**
 * 社会救助 of an existing household (民政 is told): set or change 低保 / 低保边缘 / 特困 with the
 * monthly amount and approval date, or end it (a confirmation, since the family loses it).
 */
export function assistanceActions(h: HouseholdDetail): ActionSpec[] {
  const current = h.assistance;
  const set: ActionSpec = {
    key: 'assistance',
    title: current ? '变更社会救助' : '设置社会救助',
    fields: (
      <>
        <Form.Item label="救助类别" name="type">
          <CodeSelect table="assistance-type" data-testid="field-assistance-type" />
        </Form.Item>
        <Form.Item label="月救助金额（元）" name="amount">
          <Input data-testid="field-assistance-amount" inputMode="decimal" />
        </Form.Item>
        <Form.Item label="批准日期" name="approvedOn">
          <DateInput data-testid="field-assistance-approvedOn" />
        </Form.Item>
      </>
    ),
    initialValues: current
      ? { type: current.type, amount: current.amount, approvedOn: dayjs(current.approvedOn) }
      : undefined,
    submit: (body) => recordsApi.setAssistance(h.id, body),
  };
  if (!current) return [set];
  return [
    set,
    {
      key: 'assistance-end',
      title: '终止社会救助',
      fields: (
        <Typography.Paragraph data-testid="assistance-end-warning">
          确认终止本户的社会救助？保存后将通知民政局等部门，本户不再享受该救助。
        </Typography.Paragraph>
      ),
      submit: () => recordsApi.endAssistance(h.id),
    },
  ];
}
