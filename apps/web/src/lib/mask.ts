/**
 * Last line of defence on IT-operator pages: the API masks personal data for that role, but a
 * department's free-text error may quote an ID number or a phone number. Those patterns are
 * masked here before they are rendered.
 */
const CITIZEN_ID = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function maskPersonalText(text: string | null | undefined): string {
  if (!text) return '';
  return text.replace(CITIZEN_ID, '$1********$2').replace(MOBILE, '$1****$2');
}
