import { App, Button, Card, Descriptions, Form, Radio, Result, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { FieldProblem } from '../../api/client';
import { recordsApi, type SavedChange } from '../../api/records';
import { DeliveryPanel } from '../../components/DeliveryPanel';
import { keepEnterInDateFields } from '../../components/DateInput';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PERSON_DEFAULTS, PersonFields } from '../../components/PersonFields';
import { useLoader } from '../../hooks/useLoader';
import { applyApiErrors, toRequestBody } from '../../lib/form-values';

/** 统一录入 · 增加成员: a new person joins a household (or is born into it). */
export default function AddMemberPage() {
  const { id = '' } = useParams();
  const [form] = Form.useForm<Record<string, unknown>>();
  const { message } = App.useApp();
  const household = useLoader(() => recordsApi.household(id), [id]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SavedChange>();

  const save = async ({ birth, ...values }: Record<string, unknown>) => {
    setSaving(true);
    setProblems([]);
    try {
      setSaved(await recordsApi.addMember(id, toRequestBody(values), birth === true));
      message.success('已保存，正在发送到各部门系统');
    } catch (error) {
      setProblems(applyApiErrors(form, error));
    } finally {
      setSaving(false);
    }
  };

  const h = household.data;
  const summary = h && (
    <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
      <Descriptions.Item label="户号">{h.householdNo ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="住址">{h.address.text ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="现有成员">{h.members.map((m) => m.name).join('、')}</Descriptions.Item>
    </Descriptions>
  );

  if (saved) {
    return (
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Result
          status="success"
          title="成员已登记"
          extra={[
            <Link key="person" to={`/residents/${saved.id}`}>
              <Button type="primary">查看居民</Button>
            </Link>,
            <Link key="household" to={`/households/${id}`}>
              <Button>返回户页面</Button>
            </Link>,
          ]}
        />
        <DeliveryPanel subject={{ type: 'resident', id: saved.id }} />
      </Space>
    );
  }

  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="member-form"
      initialValues={{ ...PERSON_DEFAULTS, birth: false }}
      onFinish={(values) => void save(values)}
      onKeyDown={keepEnterInDateFields}
      scrollToFirstError
    >
      <h2 className="hub-page-title">增加家庭成员</h2>
      {summary}
      <ErrorSummary problems={problems} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form.Item label="登记方式" name="birth">
          <Radio.Group data-testid="member-kind">
            <Radio value={false}>新增成员（首次在本地登记）</Radio>
            <Radio value={true}>出生登记</Radio>
          </Radio.Group>
        </Form.Item>
        <PersonFields form={form} path={[]} itemPath={[]} testPrefix="member" withRelation />
      </Card>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} size="large" data-testid="save-button">
          保存（Enter）
        </Button>
        <Link to={`/households/${id}`}>
          <Button>取消</Button>
        </Link>
      </Space>
    </Form>
  );
}
