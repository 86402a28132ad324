import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Result, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { FieldProblem } from '../../api/client';
import { recordsApi, type RegisteredHousehold } from '../../api/records';
import { AddressFields } from '../../components/AddressFields';
import { DeliveryPanel } from '../../components/DeliveryPanel';
import { keepEnterInDateFields } from '../../components/DateInput';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PERSON_DEFAULTS, PersonFields } from '../../components/PersonFields';
import { useLoader } from '../../hooks/useLoader';
import { applyApiErrors, toRequestBody } from '../../lib/form-values';
import { HouseholdFields } from './HouseholdFields';

const HEAD = { ...PERSON_DEFAULTS, relation: '02' };

/** 统一录入 · 新户登记: a household with all its members, entered once for all twelve systems. */
export default function HouseholdEntryPage() {
  const [form] = Form.useForm<Record<string, unknown>>();
  const { message } = App.useApp();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<RegisteredHousehold>();
  const communities = useLoader(() => recordsApi.communities(), []).data ?? [];
  const communityCode = Form.useWatch<string | undefined>('communityCode', form);
  const community = communities.find((c) => c.code === communityCode);

  // A community worker has exactly one community: it is chosen for them once the list arrives.
  useEffect(() => {
    if (communities.length > 0 && !form.getFieldValue('communityCode')) {
      form.setFieldValue('communityCode', communities[0].code);
    }
  }, [communities, form]);

  const save = async (values: Record<string, unknown>) => {
    setSaving(true);
    setProblems([]);
    try {
      const result = await recordsApi.registerHousehold(toRequestBody(values));
      setSaved(result);
      message.success('已保存，正在发送到各部门系统');
    } catch (error) {
      setProblems(applyApiErrors(form, error));
    } finally {
      setSaving(false);
    }
  };

  if (saved) {
    return (
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Result
          status="success"
          title="新户已登记"
          subTitle={`共 ${saved.members.length} 位成员。下方“数据去向”显示各部门系统的接收情况，每2秒自动刷新。`}
          extra={[
            <Link key="view" to={`/households/${saved.id}`} data-testid="saved-household-link">
              <Button type="primary">查看户页面</Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                form.resetFields();
                setSaved(undefined);
              }}
              data-testid="register-another"
            >
              继续登记新户
            </Button>,
          ]}
        />
        <DeliveryPanel subject={{ type: 'household', id: saved.id }} />
      </Space>
    );
  }

  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="household-form"
      initialValues={{ type: 'family', members: [HEAD] }}
      onFinish={(values) => void save(values)}
      onKeyDown={keepEnterInDateFields}
      scrollToFirstError
    >
      <h2 className="hub-page-title">新户登记</h2>
      <ErrorSummary problems={problems} />
      <Card title="户信息" size="small" style={{ marginBottom: 16 }}>
        <HouseholdFields communities={communities} />
      </Card>
      <Card title="住址" size="small" style={{ marginBottom: 16 }}>
        <AddressFields path={['address']} community={community} />
      </Card>
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <Card title="家庭成员" size="small" style={{ marginBottom: 16 }}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                type="inner"
                size="small"
                title={index === 0 ? '第1位成员（通常为户主）' : `第${index + 1}位成员`}
                style={{ marginBottom: 12 }}
                data-testid={`member-${index}`}
                extra={
                  fields.length > 1 && (
                    <Button type="link" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                      删除
                    </Button>
                  )
                }
              >
                <PersonFields
                  form={form}
                  path={['members', field.name]}
                  itemPath={[field.name]}
                  testPrefix={`member-${index}`}
                  withRelation
                />
              </Card>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ ...PERSON_DEFAULTS })}
              data-testid="add-member-button"
            >
              添加家庭成员
            </Button>
          </Card>
        )}
      </Form.List>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} size="large" data-testid="save-button">
          保存（Enter）
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setProblems([]);
          }}
        >
          清空
        </Button>
      </Space>
    </Form>
  );
}
