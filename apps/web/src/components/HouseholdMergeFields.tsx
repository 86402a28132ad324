import { Alert, Form, Typography } from 'antd';
import { recordsApi } from '../api/records';
import { useLoader } from '../hooks/useLoader';
import { CodeSelect } from './CodeSelect';
import { ResidentPicker } from './ResidentPicker';

/**
 * 合户: the worker finds the other household by one of its members (name, pinyin or the last ID
 * digits), then gives each of its members a relation to this household's head.
 */
export function HouseholdMergeFields({ householdId }: { householdId: string }) {
  const form = Form.useFormInstance();
  const chosen = Form.useWatch<string | undefined>('fromResident', form);
  const { data } = useLoader(async () => {
    if (!chosen) return null;
    const resident = await recordsApi.resident(chosen);
    if (!resident.household) return { householdId: null, members: [] };
    const household = await recordsApi.household(resident.household.id);
    form.setFieldValue('fromHouseholdId', household.id);
    return {
      householdId: household.id,
      members: household.members.filter((m) => m.lifeStatus === 'alive' && m.residenceStatus === 'present'),
    };
  }, [chosen]);

  return (
    <>
      <Form.Item label="并入户的任一成员" name="fromResident">
        <ResidentPicker data-testid="field-fromResident" />
      </Form.Item>
      <Form.Item name="fromHouseholdId" hidden>
        <input />
      </Form.Item>
      {data?.householdId === null && <Alert type="warning" showIcon message="该居民不属于任何户" />}
      {data?.householdId === householdId && <Alert type="warning" showIcon message="该居民已是本户成员" />}
      {data && data.householdId && data.householdId !== householdId && (
        <>
          <Typography.Paragraph type="secondary">
            该户 {data.members.length} 人将全部并入本户，该户注销。请填写每人与本户户主的关系：
          </Typography.Paragraph>
          {data.members.map((m) => (
            <Form.Item key={m.id} label={m.name} name={['relations', m.id]}>
              <CodeSelect table="relation-to-head" data-testid={`field-relation-${m.name}`} />
            </Form.Item>
          ))}
        </>
      )}
    </>
  );
}
