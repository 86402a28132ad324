/**
 * exceljs' streaming workbook, with every zip entry and the document properties stamped with one
 * given instant rather than the time of writing: the same seed must give the same bytes.
 */
import { stream } from 'exceljs';

type ZipAppend = (source: unknown, data: Record<string, unknown>) => unknown;

export class PinnedWorkbookWriter extends stream.xlsx.WorkbookWriter {
  constructor(filename: string, at: Date) {
    // exceljs reads `created` in its constructor, before it adds the first entries.
    super({
      filename,
      useStyles: true,
      useSharedStrings: false,
      created: at,
      modified: at,
    } as ConstructorParameters<typeof stream.xlsx.WorkbookWriter>[0]);
  }

  /** Called from exceljs' constructor, once the zip exists and before anything is added to it. */
  override addThemes(): Promise<void> {
    const zip = (this as unknown as { zip: { append: ZipAppend; pinned?: boolean } }).zip;
    if (!zip.pinned) {
      const append = zip.append.bind(zip);
      zip.append = (source, data) => append(source, { ...data, date: this.created });
      zip.pinned = true;
    }
    return super.addThemes();
  }
}
