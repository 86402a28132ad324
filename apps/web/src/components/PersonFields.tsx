import { Col, Collapse, Form, Input, Radio, Row, type FormInstance } from 'antd';
import { DateInput } from './DateInput';
import dayjs from 'dayjs';
import { useSession } from '../auth/SessionContext';
import { canSeeCorrections } from '../auth/session-store';
import { citizenIdFacts, normaliseIdInput } from '../lib/citizen-id';
import { employmentStatusAsked } from '../lib/employment';
import type { NamePath } from '../lib/field-path';
import { CodeSelect } from './CodeSelect';
import { DuplicateWarning } from './DuplicateWarning';
import { MorePersonFields } from './MorePersonFields';

interface Props {
  form: FormInstance;
  /** Where this person's fields sit in the form, e.g. `['members', 2]`, or `[]`. */
  path: NamePath;
  /** The same path relative to an enclosing Form.List (Ant prefixes the list's name itself). */
  itemPath: NamePath;
  testPrefix: string;
  withRelation?: boolean;
}

export const PERSON_DEFAULTS = { ethnicity: '01', registrationType: 'registered' };

/**
 * The fields of one person, shared by the new-household form and the add-member form. Typing a
 * complete ID number fills in birth date and gender (GB 11643: characters 7–14, 17th odd = 男).
 */
export function PersonFields({ form, path, itemPath, testPrefix, withRelation }: Props) {
  const { user } = useSession();
  const at = (field: string): NamePath => [...itemPath, field];
  const abs = (field: string): NamePath => [...path, field];
  const tid = (field: string) => `${testPrefix}-${field}`;
  const employmentAsked = employmentStatusAsked(
    Form.useWatch(abs('gender'), form) as string | undefined,
    Form.useWatch(abs('birthDate'), form) as dayjs.Dayjs | undefined,
    Form.useWatch(abs('registrationType'), form) as string | undefined,
  );

  const fillFromId = (raw: string) => {
    const facts = citizenIdFacts(raw);
    if (!facts) return;
    form.setFieldValue(abs('birthDate'), dayjs(facts.birthDate));
    form.setFieldValue(abs('gender'), facts.gender);
    form.setFields([
      { name: abs('birthDate'), errors: [] },
      { name: abs('gender'), errors: [] },
    ]);
  };

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label="公民身份号码"
            name={at('idNumber')}
            normalize={(v: string) => normaliseIdInput(v ?? '').slice(0, 18)}
            rules={[
              {
                warningOnly: true,
                validator: (_, value: string | undefined) => {
                  const facts = value && value.length === 18 ? citizenIdFacts(value) : undefined;
                  if (value && value.length === 18 && (!facts || !facts.checksumOk)) {
                    return Promise.reject(new Error('号码校验不通过，请核对'));
                  }
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Input
              maxLength={18}
              placeholder="18位号码，自动识别出生日期和性别"
              data-testid={tid('idNumber')}
              onChange={(e) => fillFromId(e.target.value)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="姓名" name={at('name')}>
            <Input maxLength={50} data-testid={tid('name')} />
          </Form.Item>
        </Col>
        {withRelation && (
          <Col xs={24} md={8}>
            <Form.Item label="与户主关系" name={at('relation')}>
              <CodeSelect table="relation-to-head" data-testid={tid('relation')} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Form.Item label="性别" name={at('gender')}>
            <Radio.Group data-testid={tid('gender')}>
              <Radio value="1">男</Radio>
              <Radio value="2">女</Radio>
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="出生日期" name={at('birthDate')}>
            <DateInput data-testid={tid('birthDate')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="民族" name={at('ethnicity')}>
            <CodeSelect table="ethnicity" allowClear={false} data-testid={tid('ethnicity')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="人员类别" name={at('registrationType')}>
            <Radio.Group data-testid={tid('registrationType')}>
              <Radio value="registered">户籍</Radio>
              <Radio value="floating">流动</Radio>
              <Radio value="overseas">境外</Radio>
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="联系电话" name={at('phone')}>
            <Input maxLength={20} data-testid={tid('phone')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="婚姻状况" name={at('maritalStatus')}>
            <CodeSelect table="marital-status" data-testid={tid('maritalStatus')} />
          </Form.Item>
        </Col>
        {employmentAsked && (
          <Col xs={24} md={8}>
            <Form.Item
              label="就业状况"
              name={at('employmentStatus')}
              extra="人社局要求劳动年龄人员（男16–59岁、女16–54岁）填写，否则退回"
            >
              <CodeSelect table="employment-status" data-testid={tid('employmentStatus')} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <DuplicateWarning form={form} path={path} testId={`${testPrefix}-duplicate`} />
      <Collapse
        size="small"
        style={{ marginBottom: 8 }}
        items={[
          {
            key: 'more',
            label: '更多信息（选填：文化程度、政治面貌、就业、养老、残疾等）',
            forceRender: true,
            children: (
              <MorePersonFields
                at={at}
                tid={tid}
                corrections={!!user && canSeeCorrections(user)}
                withEmployment={!employmentAsked}
              />
            ),
          },
        ]}
      />
    </>
  );
}
