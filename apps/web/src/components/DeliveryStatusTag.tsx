import { Tag, Tooltip, Typography } from 'antd';
import type { DeliveryStatus } from '../api/deliveries';
import { DELIVERY_STATUS } from '../lib/systems';

interface Props {
  status: DeliveryStatus;
  error?: string | null;
  testId?: string;
  /** Show the department's reason under the tag, not only on hover. */
  showReason?: boolean;
}

/** 待发送 / 已发送 / 已确认 / 失败 (with the department's reason) / 不涉及 / 来源. */
export function DeliveryStatusTag({ status, error, testId, showReason }: Props) {
  const look = DELIVERY_STATUS[status] ?? { label: status, color: 'default' };
  const tag = (
    <Tag color={look.color} data-testid={testId} data-status={status}>
      {look.label}
    </Tag>
  );
  if (status !== 'failed' || !error) return tag;
  return (
    <span>
      <Tooltip title={error}>{tag}</Tooltip>
      {showReason && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {error}
        </Typography.Text>
      )}
    </span>
  );
}
