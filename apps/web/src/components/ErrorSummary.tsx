import { Alert } from 'antd';
import type { FieldProblem } from '../api/client';
import { describeField } from '../lib/field-path';

/** The API's answer above the form: what is wrong and where, before the worker scrolls. */
export function ErrorSummary({
  problems,
  title = '未保存，请修正以下问题',
}: {
  problems: FieldProblem[];
  title?: string;
}) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="form-error-summary"
      style={{ marginBottom: 16 }}
      message={title}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {problems.map((p, i) => (
            <li key={`${p.field}-${i}`}>{p.field ? `${describeField(p.field)}：${p.message}` : p.message}</li>
          ))}
        </ul>
      }
    />
  );
}
