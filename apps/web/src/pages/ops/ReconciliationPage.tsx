import { App, Button, Card, Checkbox, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { errorText } from '../../api/client';
import { connectorsApi } from '../../api/connectors';
import { JobProgress } from '../../components/JobProgress';
import { useLoader } from '../../hooks/useLoader';
import { SYSTEM_NAMES } from '../../lib/systems';
import { ReconciliationTable } from './ReconciliationTable';

/** 对账: compare what a department holds with the hub's record; runs as a job with a progress bar. */
export default function ReconciliationPage() {
  const { message } = App.useApp();
  const [system, setSystem] = useState<string>(Object.keys(SYSTEM_NAMES)[0]);
  const [jobId, setJobId] = useState<string>();
  const [starting, setStarting] = useState(false);
  const [repair, setRepair] = useState(false);
  const results = useLoader(() => connectorsApi.reconciliations(), []);

  const run = async () => {
    setStarting(true);
    try {
      const job = await connectorsApi.reconcile(system, repair);
      setJobId(job.id);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setStarting(false);
    }
  };

  const [importJobId, setImportJobId] = useState<string>();
  const startImport = async (promoteOnly: boolean) => {
    try {
      const job = promoteOnly ? await connectorsApi.promote() : await connectorsApi.importAll();
      setImportJobId(job.id);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const reloadResults = results.reload;
  const finished = useCallback(() => reloadResults(), [reloadResults]);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="运行对账">
        <Space wrap>
          <Select
            style={{ width: 300 }}
            value={system}
            onChange={setSystem}
            options={Object.entries(SYSTEM_NAMES).map(([value, label]) => ({ value, label }))}
            data-testid="reconcile-system"
          />
          <Checkbox
            checked={repair}
            onChange={(e) => setRepair(e.target.checked)}
            data-testid="reconcile-repair"
          >
            同时修复差异（重新发送缺失和不一致的记录）
          </Checkbox>
          <Button type="primary" loading={starting} onClick={() => void run()} data-testid="reconcile-run">
            运行对账
          </Button>
        </Space>
        {jobId && (
          <div style={{ marginTop: 16 }}>
            <JobProgress key={jobId} jobId={jobId} onFinished={finished} />
          </div>
        )}
      </Card>
      <Card title="部门数据导入与去重">
        <Typography.Paragraph type="secondary">
          读取各部门系统的全部记录，归并为每人一条档案，并转入统一档案（居民、家庭，关联各部门原有记录）；无法确定的配对进入“重复审核”，部门间不一致之处进入“数据核对”。进度按系统计：每读完一个系统前进一步，最后两步为去重和转入。
        </Typography.Paragraph>
        <Space>
          <Button onClick={() => void startImport(false)} data-testid="import-run">
            导入、去重并转入
          </Button>
          <Button onClick={() => void startImport(true)} data-testid="promote-run">
            仅转入统一档案
          </Button>
        </Space>
        {importJobId && (
          <div style={{ marginTop: 16 }}>
            <JobProgress key={importJobId} jobId={importJobId} />
          </div>
        )}
      </Card>
      <Card title="对账结果">
        {results.error && <Typography.Text type="danger">{results.error.message}</Typography.Text>}
        <ReconciliationTable runs={results.data ?? []} loading={results.loading && !results.data} />
      </Card>
    </Space>
  );
}
