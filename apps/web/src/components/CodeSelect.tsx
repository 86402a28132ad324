import { Select, type SelectProps } from 'antd';
import { useCodes } from '../hooks/useCodes';

type Props = Omit<SelectProps<string>, 'options'> & { table: string; only?: string[] };

/** A drop-down of one code table (GB/T or the hub's own), searchable by code or name. */
export function CodeSelect({ table, only, ...rest }: Props) {
  const codes = useCodes()[table] ?? [];
  const options = codes
    .filter((c) => !only || only.includes(c.code))
    .map((c) => ({ value: c.code, label: `${c.name}`, title: `${c.code} ${c.name}` }));
  return (
    <Select showSearch allowClear placeholder="请选择" optionFilterProp="title" options={options} {...rest} />
  );
}
