import { Col, Form, Input, Row } from 'antd';
import { DateInput } from './DateInput';
import type { NamePath } from '../lib/field-path';
import { CodeSelect } from './CodeSelect';

/** The optional facts of a person, folded away on the entry form: most people need none of them. */
export function MorePersonFields({
  at,
  tid,
  corrections,
  withEmployment,
}: {
  at: (field: string) => NamePath;
  tid: (field: string) => string;
  corrections: boolean;
  /** False where the main fields already ask for it (a person of working age). */
  withEmployment: boolean;
}) {
  const code = (label: string, field: string, table: string) => (
    <Col xs={24} md={8} key={field}>
      <Form.Item label={label} name={at(field)}>
        <CodeSelect table={table} data-testid={tid(field)} />
      </Form.Item>
    </Col>
  );
  return (
    <Row gutter={16}>
      {code('文化程度', 'education', 'education')}
      {code('政治面貌', 'politicalStatus', 'political-status')}
      {code('居住状况', 'livingStatus', 'living-status')}
      {withEmployment && code('就业状况', 'employmentStatus', 'employment-status')}
      {code('养老保险状态', 'pensionStatus', 'pension-status')}
      <Col xs={24} md={8}>
        <Form.Item label="户籍地址" name={at('registeredAddress')}>
          <Input maxLength={200} data-testid={tid('registeredAddress')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="残疾类别" name={[...at('disability'), 'type']}>
          <CodeSelect table="disability-type" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="残疾等级" name={[...at('disability'), 'grade']}>
          <CodeSelect table="disability-grade" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="残疾人证号" name={[...at('disability'), 'certificateNo']}>
          <Input maxLength={20} placeholder="不填则按身份证号生成" />
        </Form.Item>
      </Col>
      {corrections && (
        <>
          <Col xs={24} md={8}>
            <Form.Item label="矫正类别" name={[...at('corrections'), 'type']}>
              <CodeSelect table="corrections-type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="矫正开始日期" name={[...at('corrections'), 'start']}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="矫正结束日期" name={[...at('corrections'), 'end']}>
              <DateInput />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}
