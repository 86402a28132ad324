import { Injectable, type PipeTransform } from '@nestjs/common';
import { RecordError } from '@hub/record';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed record id in a path can name no record: it reads as "not found", not as a 500. */
@Injectable()
export class RecordIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw RecordError.notFound();
    return value.toLowerCase();
  }
}
