import type { ReactNode } from 'react';
import { Form, Input } from 'antd';
import { DateInput } from './DateInput';
import { recordsApi, type Community, type ResidentDetail } from '../api/records';
import type { SessionUser } from '../auth/session-store';
import { canSeeCorrections } from '../auth/session-store';
import type { ActionSpec } from './ActionModal';
import { AddressFields } from './AddressFields';
import { CodeSelect } from './CodeSelect';
import { ResidentPicker } from './ResidentPicker';

const date = (label: string, name: string | string[] = 'date') => (
  <Form.Item label={label} name={name}>
    <DateInput data-testid={`field-${Array.isArray(name) ? name.join('-') : name}`} />
  </Form.Item>
);
const code = (label: string, name: string, table: string) => (
  <Form.Item label={label} name={name}>
    <CodeSelect table={table} data-testid={`field-${name}`} />
  </Form.Item>
);

/** 生活事件: the changes of a person's life the API records as events. */
export function lifeEventActions(r: ResidentDetail, community: Community | undefined): ActionSpec[] {
  return [
    {
      key: 'address',
      title: '地址变更',
      fields: <AddressFields path={['address']} community={community} testPrefix="field-address" />,
      submit: (body) => recordsApi.lifeEvent(r.id, 'address', body),
    },
    {
      key: 'marriage',
      title: '婚姻状况变更',
      fields: (
        <>
          {code('婚姻状况', 'maritalStatus', 'marital-status')}
          <Form.Item
            label="配偶（选填）"
            name="spouseId"
            tooltip="配偶已在本系统登记时选择，婚姻状况一并更新"
          >
            <ResidentPicker data-testid="field-spouseId" />
          </Form.Item>
        </>
      ),
      submit: (body) => recordsApi.lifeEvent(r.id, 'marriage', body),
    },
    {
      key: 'move-out',
      title: '迁出登记',
      fields: date('迁出日期'),
      confirm: `${r.name}将从本户移出，并从各部门系统注销或标为迁出。`,
      submit: (b) => recordsApi.lifeEvent(r.id, 'move-out', b),
    },
    {
      key: 'death',
      title: '死亡登记',
      fields: date('死亡日期'),
      confirm: `${r.name}将登记为死亡，从本户移出，并通知公安等各部门系统注销。`,
      submit: (b) => recordsApi.lifeEvent(r.id, 'death', b),
    },
  ];
}

/** 状态标签: statuses that start and end (disability, corrections, living, employment, pension). */
export function tagActions(r: ResidentDetail, user: SessionUser): ActionSpec[] {
  const tag = (
    key: string,
    title: string,
    fields: ReactNode,
    initialValues?: Record<string, unknown>,
  ): ActionSpec => ({
    key: `tag-${key}`,
    title,
    fields,
    initialValues,
    submit: (body) => recordsApi.startTag(r.id, key, body),
  });
  const actions = [
    tag('living', '居住状况', code('居住状况', 'status', 'living-status'), {
      status: r.livingStatus ?? undefined,
    }),
    tag('employment', '就业状况', code('就业状况', 'status', 'employment-status'), {
      status: r.employmentStatus ?? undefined,
    }),
    tag('pension', '养老保险状态', code('养老保险状态', 'status', 'pension-status'), {
      status: r.pensionStatus ?? undefined,
    }),
    tag(
      'disability',
      '残疾信息',
      <>
        {code('残疾类别', 'type', 'disability-type')}
        {code('残疾等级', 'grade', 'disability-grade')}
        <Form.Item label="残疾人证号（选填）" name="certificateNo">
          <Input maxLength={20} data-testid="field-certificateNo" />
        </Form.Item>
      </>,
      r.disability ?? undefined,
    ),
  ];
  if (canSeeCorrections(user)) {
    actions.push(
      tag(
        'corrections',
        '社区矫正',
        <>
          {code('矫正类别', 'type', 'corrections-type')}
          {date('开始日期', 'start')}
          {date('结束日期', 'end')}
        </>,
      ),
    );
  }
  return actions;
}
