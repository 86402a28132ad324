import { Form, Input, Select, Typography } from 'antd';
import { DateInput } from './DateInput';
import { recordsApi, type HouseholdDetail } from '../api/records';
import type { ActionSpec } from './ActionModal';
import { CodeSelect } from './CodeSelect';

/** The members still living here (a member who died or left stays in the list, marked). */
const current = (h: HouseholdDetail) =>
  h.members.filter((m) => m.lifeStatus === 'alive' && m.residenceStatus === 'present');

/**
 * 户务办理: the whole household moves away in one action (a confirmation: everyone leaves the
 * record), or a member becomes the new 户主.
 */
export function householdActions(h: HouseholdDetail): ActionSpec[] {
  const members = current(h);
  const formerStays = members.some((m) => m.id === h.headResidentId);
  return [
    {
      key: 'change-head',
      title: '变更户主',
      fields: (
        <>
          <Form.Item label="新户主" name="residentId">
            <Select
              data-testid="field-residentId"
              showSearch
              optionFilterProp="label"
              options={members
                .filter((m) => m.id !== h.headResidentId)
                .map((m) => ({ value: m.id, label: m.name }))}
            />
          </Form.Item>
          {formerStays && (
            <Form.Item label="原户主与新户主的关系" name="formerHeadRelation">
              <CodeSelect table="relation-to-head" data-testid="field-formerHeadRelation" />
            </Form.Item>
          )}
        </>
      ),
      submit: (body) => recordsApi.changeHead(h.id, body),
    },
    {
      key: 'household-move-out',
      title: '整户迁出',
      fields: (
        <>
          <Typography.Paragraph type="warning" data-testid="move-out-warning">
            本户 {members.length} 人（{members.map((m) => m.name).join('、')}
            ）将全部登记为迁出，本户注销，并通知各部门。
          </Typography.Paragraph>
          <Form.Item label="迁出日期" name="date">
            <DateInput data-testid="field-date" />
          </Form.Item>
          <Form.Item label="迁往" name="destination">
            <Input data-testid="field-destination" placeholder="省市区或详细地址" />
          </Form.Item>
          <Form.Item label="迁出原因（选填）" name="reason">
            <Input data-testid="field-reason" />
          </Form.Item>
        </>
      ),
      confirm: `本户 ${members.length} 人将全部迁出，本户注销，各部门系统将收到迁出信息。`,
      submit: (body) => recordsApi.moveHouseholdOut(h.id, body),
    },
  ];
}
