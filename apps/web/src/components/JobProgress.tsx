import { Alert, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { connectorsApi, type JobState } from '../api/connectors';
import { useLoader } from '../hooks/useLoader';

const FINISHED = new Set(['completed', 'failed']);
const STATE_NAMES: Record<string, string> = {
  waiting: '排队中',
  delayed: '排队中',
  active: '进行中',
  completed: '已完成',
  failed: '失败',
};

/** Long work (reconciliation, bulk retry, import) as a progress bar with counts, polled every second. */
export function JobProgress({ jobId, onFinished }: { jobId: string; onFinished?: (job: JobState) => void }) {
  const [settled, setSettled] = useState(false);
  const { data: job, error } = useLoader(() => connectorsApi.job(jobId), [jobId], settled ? undefined : 1000);
  const reported = useRef(false);

  // Told once when the job settles; polling stops then.
  useEffect(() => {
    if (!job || !FINISHED.has(job.state) || reported.current) return;
    reported.current = true;
    setSettled(true);
    onFinished?.(job);
  }, [job, onFinished]);

  if (error && !job) return <Alert type="warning" showIcon message={`无法获取任务进度：${error.message}`} />;
  const done = job?.progress?.done ?? 0;
  const total = job?.progress?.total ?? 0;
  const percent = job?.state === 'completed' ? 100 : total > 0 ? Math.floor((done / total) * 100) : 0;
  return (
    <Space
      direction="vertical"
      style={{ width: '100%' }}
      data-testid="job-progress"
      data-state={job?.state ?? 'loading'}
    >
      <Progress
        percent={percent}
        status={job?.state === 'failed' ? 'exception' : job?.state === 'completed' ? 'success' : 'active'}
      />
      <Typography.Text type="secondary" data-testid="job-progress-counts">
        {STATE_NAMES[job?.state ?? ''] ?? job?.state ?? '正在获取进度'}
        {total > 0 && `：${done} / ${total}`}
      </Typography.Text>
      {job?.state === 'failed' && <Alert type="error" showIcon message={job.error ?? '任务失败'} />}
    </Space>
  );
}
