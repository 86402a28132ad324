import { Select, type SelectProps } from 'antd';
import { useRef, useState } from 'react';
import { recordsApi, type ResidentSummary } from '../api/records';

type Props = Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'filterOption'>;

const describe = (r: ResidentSummary) =>
  `${r.name}（${r.birthDate ?? '生日不详'}${r.idNumber ? `，${r.idNumber}` : ''}）`;

/** Chooses a resident of the worker's community by name, pinyin or the last digits of an ID number. */
export function ResidentPicker(props: Props) {
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);
  const search = async (q: string) => {
    const call = ++latest.current;
    if (q.trim().length === 0) return setOptions([]);
    setSearching(true);
    try {
      const found = await recordsApi.search({ q: q.trim(), page: 1, size: 10 });
      if (call === latest.current) setOptions(found.items.map((r) => ({ value: r.id, label: describe(r) })));
    } finally {
      if (call === latest.current) setSearching(false);
    }
  };
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      loading={searching}
      placeholder="输入姓名、拼音或身份证号后几位查找"
      notFoundContent={searching ? '查找中…' : '未找到，请换个关键词'}
      options={options}
      onSearch={(q) => void search(q)}
      {...props}
    />
  );
}
