import { Col, Form, Input, Row, Select } from 'antd';
import type { Community } from '../api/records';
import type { NamePath } from '../lib/field-path';

interface Props {
  /** Where the address sits in the form: `['address']`. */
  path: NamePath;
  community: Community | undefined;
  testPrefix?: string;
}

/** 小区/路名 + 幢 + 单元 + 室, and the grid cell of the community. */
export function AddressFields({ path, community, testPrefix = 'address' }: Props) {
  const at = (field: string): NamePath => [...path, field];
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item label="小区/路名" name={at('estate')}>
          <Input maxLength={60} placeholder="如：青龙苑" data-testid={`${testPrefix}-estate`} />
        </Form.Item>
      </Col>
      <Col xs={8} md={4}>
        <Form.Item label="幢" name={at('building')}>
          <Input maxLength={10} data-testid={`${testPrefix}-building`} />
        </Form.Item>
      </Col>
      <Col xs={8} md={4}>
        <Form.Item label="单元" name={at('unit')}>
          <Input maxLength={10} data-testid={`${testPrefix}-unit`} />
        </Form.Item>
      </Col>
      <Col xs={8} md={4}>
        <Form.Item label="室" name={at('room')}>
          <Input maxLength={10} data-testid={`${testPrefix}-room`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="网格" name={at('gridCode')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={community ? '请选择网格' : '先选择社区'}
            options={(community?.grids ?? []).map((g) => ({ value: g.code, label: g.name }))}
            data-testid={`${testPrefix}-gridCode`}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
