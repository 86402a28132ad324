import { DatePicker, type DatePickerProps } from 'antd';
import type { KeyboardEvent } from 'react';

/** Dates as people type them; the first is how they are shown. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/MM/DD', 'YYYY.MM.DD', 'YYYY年M月D日'];

/** A date field that takes a typed date in any usual way (2026-11-30, 20261130, 2026/11/30 …). */
export function DateInput(props: DatePickerProps) {
  return (
    <DatePicker style={{ width: '100%' }} format={DATE_FORMATS} placeholder="如 2026-11-30" {...props} />
  );
}

/**
 * For a form's onKeyDown: Enter in a date field takes the typed date and never submits the form
 * (a death or a move-out must not be saved by finishing a date).
 */
export function keepEnterInDateFields(event: KeyboardEvent<HTMLElement>): void {
  if (event.key === 'Enter' && (event.target as HTMLElement).closest('.ant-picker')) event.preventDefault();
}
