import { Alert, Form, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { recordsApi, type PossibleDuplicate } from '../api/records';
import type { NamePath } from '../lib/field-path';

const DEBOUNCE_MS = 600;

/**
 * 可能重复: while the worker types, asks the API whether this person is already known (in any
 * department's records) and links to that person. A warning only: saving stays possible.
 */
export function DuplicateWarning({
  form,
  path,
  testId,
}: {
  form: FormInstance;
  path: NamePath;
  testId: string;
}) {
  const name = Form.useWatch<string | undefined>([...path, 'name'], form);
  const idNumber = Form.useWatch<string | undefined>([...path, 'idNumber'], form);
  const birth = Form.useWatch<Dayjs | undefined>([...path, 'birthDate'], form);
  const gender = Form.useWatch<string | undefined>([...path, 'gender'], form);
  const phone = Form.useWatch<string | undefined>([...path, 'phone'], form);
  const [matches, setMatches] = useState<PossibleDuplicate[]>([]);
  const birthDate = birth && dayjs.isDayjs(birth) ? birth.format('YYYY-MM-DD') : undefined;

  useEffect(() => {
    const enough = (name?.trim().length ?? 0) >= 2 || (idNumber?.length ?? 0) >= 15;
    if (!enough) {
      setMatches([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      recordsApi
        .duplicateCheck({
          name: name?.trim() || undefined,
          idNumber: idNumber || undefined,
          birthDate,
          gender,
          phone,
        })
        .then((body) => current && setMatches(body.matches))
        .catch(() => current && setMatches([]));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [name, idNumber, birthDate, gender, phone]);

  if (matches.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId}
      style={{ marginBottom: 12 }}
      message="此人可能已有登记，请先核对，避免重复录入"
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {matches.map((m) => (
            <li key={m.goldenId}>
              {m.name ?? '（姓名未知）'} {m.idNumber ?? ''}
              {' · '}
              {m.likelihood === 'link' ? '几乎确定是同一人' : '疑似同一人'}（相似度{' '}
              {Math.round(m.probability * 100)}%）
              {' · '}
              <a
                href={`/golden/${m.goldenId}`}
                target="_blank"
                rel="noreferrer"
                data-testid={`${testId}-link`}
              >
                查看已有档案
              </a>
            </li>
          ))}
        </ul>
      }
    />
  );
}
