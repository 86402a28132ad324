import { Col, Collapse, Form, Input, Radio, Row, Select } from 'antd';
import { DateInput } from '../../components/DateInput';
import type { Community } from '../../api/records';
import { CodeSelect } from '../../components/CodeSelect';

/** The household's own facts: type, number, community, date joined, and 社会救助 (optional). */
export function HouseholdFields({ communities }: { communities: Community[] }) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item label="户别" name="type">
          <Radio.Group data-testid="household-type">
            <Radio value="family">家庭户</Radio>
            <Radio value="collective">集体户</Radio>
          </Radio.Group>
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="户号" name="householdNo" tooltip="户口簿上的9位户号，没有可不填">
          <Input maxLength={9} autoFocus data-testid="household-no" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="所属社区" name="communityCode">
          <Select
            showSearch
            optionFilterProp="label"
            disabled={communities.length <= 1}
            options={communities.map((c) => ({ value: c.code, label: `${c.streetName} ${c.name}` }))}
            data-testid="household-community"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="入户日期" name="joinedOn" tooltip="默认今天">
          <DateInput data-testid="household-joinedOn" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'assistance',
              label: '社会救助（选填：低保、低保边缘、特困）',
              forceRender: true,
              children: (
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item label="救助类别" name={['assistance', 'type']}>
                      <CodeSelect table="assistance-type" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item label="月救助金额（元）" name={['assistance', 'amount']}>
                      <Input placeholder="如 1200.00" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item label="批准日期" name={['assistance', 'approvedOn']}>
                      <DateInput />
                    </Form.Item>
                  </Col>
                </Row>
              ),
            },
          ]}
        />
      </Col>
    </Row>
  );
}
