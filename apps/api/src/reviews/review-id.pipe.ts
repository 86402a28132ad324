import { Injectable, type PipeTransform } from '@nestjs/common';
import { RecordError } from '@hub/record';

/** Review ids are bigserial: at most 18 digits always fit a bigint, so nothing reaches SQL as a 500. */
export const SERIAL_ID = /^[1-9]\d{0,17}$/;

/** A review id in a path must be a positive whole number; anything else is a mistake in the request. */
@Injectable()
export class ReviewIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!SERIAL_ID.test(value)) {
      throw RecordError.invalid([{ field: 'id', message: '审核编号应为正整数' }]);
    }
    return value;
  }
}
