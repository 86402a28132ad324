import { Injectable, type PipeTransform } from '@nestjs/common';
import { RecordError } from '@hub/record';
import { SERIAL_ID } from '../reviews/review-id.pipe';

/** A delivery id in a path must be a positive whole number (bigserial). */
@Injectable()
export class DeliveryIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!SERIAL_ID.test(value))
      throw RecordError.invalid([{ field: 'id', message: '待办事项编号应为正整数' }]);
    return value;
  }
}
