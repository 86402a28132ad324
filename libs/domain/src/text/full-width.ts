/**
 * Chinese input methods often leave the keyboard in full-width mode, so digits and letters
 * typed by community staff arrive as `１３８`, `Ｘ` or with an ideographic space (U+3000).
 * These helpers bring such input back to plain ASCII before anything is checked.
 */

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
/** Full-width forms sit at a fixed offset from their ASCII counterparts. */
const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII forms (`０-９`, `Ａ-Ｚ`, `－`, …) → ASCII; ideographic space → space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ');
}
