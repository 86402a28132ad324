import { App, Popconfirm, Space, Tag } from 'antd';
import { errorText } from '../../api/client';
import { recordsApi, type ResidentDetail } from '../../api/records';
import { useCodeName } from '../../hooks/useCodes';

/** The person's current statuses as tags; closing one ends that status (an event of its own). */
export function ResidentTags({ resident, onChanged }: { resident: ResidentDetail; onChanged: () => void }) {
  const { message } = App.useApp();
  const codeName = useCodeName();
  const r = resident;
  const tags: Array<{ kind: string; text: string; color: string }> = [];
  if (r.livingStatus)
    tags.push({ kind: 'living', text: `居住：${codeName('living-status', r.livingStatus)}`, color: 'blue' });
  if (r.employmentStatus)
    tags.push({
      kind: 'employment',
      text: `就业：${codeName('employment-status', r.employmentStatus)}`,
      color: 'cyan',
    });
  if (r.pensionStatus)
    tags.push({
      kind: 'pension',
      text: `养老：${codeName('pension-status', r.pensionStatus)}`,
      color: 'geekblue',
    });
  if (r.disability)
    tags.push({
      kind: 'disability',
      text: `残疾：${codeName('disability-type', r.disability.type)} ${codeName('disability-grade', r.disability.grade)}`,
      color: 'orange',
    });
  if (r.corrections)
    tags.push({
      kind: 'corrections',
      text: `社区矫正：${codeName('corrections-type', r.corrections.type)}`,
      color: 'red',
    });

  const end = async (kind: string) => {
    try {
      await recordsApi.endTag(r.id, kind);
      message.success('已取消该状态');
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  if (tags.length === 0) return <span style={{ color: '#999' }}>无</span>;
  return (
    <Space wrap>
      {tags.map((t) => (
        <Popconfirm
          key={t.kind}
          title="取消这一状态？"
          okText="确定"
          cancelText="不取消"
          onConfirm={() => void end(t.kind)}
        >
          <Tag color={t.color} style={{ cursor: 'pointer' }} data-testid={`tag-${t.kind}`}>
            {t.text} ✕
          </Tag>
        </Popconfirm>
      ))}
    </Space>
  );
}
