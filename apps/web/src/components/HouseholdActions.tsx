import { Form, Input, Select, Typography } from 'antd';
import { DateInput } from './DateInput';
import { recordsApi, type HouseholdDetail } from '../api/records';
import type { ActionSpec } from './ActionModal';
import { AddressFields } from './AddressFields';
import { CodeSelect } from './CodeSelect';
import { HouseholdMergeFields } from './HouseholdMergeFields';

/** The members still living here (a member who died or left stays in the list, marked). */
const current = (h: HouseholdDetail) =>
  h.members.filter((m) => m.lifeStatus === 'alive' && m.residenceStatus === 'present');

/** Form values keyed by resident id (`{ [id]: relation }`) → the API's member list. */
const relationsOf = (byId: Record<string, string> | undefined) =>
  Object.entries(byId ?? {}).map(([residentId, relation]) => ({ residentId, relation }));

/**
 * 户务办理: the whole household moves away in one action (a confirmation: everyone leaves the
 * record), a member becomes the new 户主, some members form a household of their own (分户), or
 * another household joins this one (合户).
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
    {
      key: 'split',
      title: '分户',
      fields: (
        <>
          <Typography.Paragraph type="secondary">
            为分出的成员选择其与新户主的关系（其中一人选“户主”），不分出的留空。户主不能分出，请先变更户主。
          </Typography.Paragraph>
          {members
            .filter((m) => m.id !== h.headResidentId)
            .map((m) => (
              <Form.Item key={m.id} label={m.name} name={['split', m.id]}>
                <CodeSelect
                  table="relation-to-head"
                  allowClear
                  placeholder="不分出"
                  data-testid={`field-split-${m.name}`}
                />
              </Form.Item>
            ))}
          <Form.Item label="分户日期" name="date">
            <DateInput data-testid="field-date" />
          </Form.Item>
          <Typography.Text type="secondary">新户地址（不填则与原户同址）</Typography.Text>
          <AddressFields path={['address']} community={undefined} testPrefix="field-address" />
          <Form.Item label="分户原因（选填）" name="reason">
            <Input data-testid="field-reason" />
          </Form.Item>
        </>
      ),
      submit: (body) => {
        const { split, ...rest } = (body ?? {}) as { split?: Record<string, string> };
        return recordsApi.splitHousehold(h.id, { ...rest, members: relationsOf(split) });
      },
    },
    {
      key: 'merge',
      title: '合户（他户并入本户）',
      fields: (
        <>
          <HouseholdMergeFields householdId={h.id} />
          <Form.Item label="合户日期" name="date">
            <DateInput data-testid="field-date" />
          </Form.Item>
          <Form.Item label="合户原因（选填）" name="reason">
            <Input data-testid="field-reason" />
          </Form.Item>
        </>
      ),
      confirm: '并入户将注销，其成员全部转入本户，各部门系统将收到户的变化。',
      submit: (body) => {
        const { relations, fromHouseholdId, date, reason } = (body ?? {}) as {
          relations?: Record<string, string>;
          fromHouseholdId?: string;
          date?: string;
          reason?: string;
        };
        return recordsApi.mergeHousehold(h.id, {
          fromHouseholdId,
          date,
          reason,
          relations: relationsOf(relations),
        });
      },
    },
  ];
}
