import { ConnectorError } from '../common';

/** The system's name column: `xm` holds at most 10 characters. */
export const MAX_NAME_LENGTH = 10;

/**
 * Checks the department's own input rules before sending, with its kind of message, so a
 * refusal reads the same whether the system or the hub caught it. They are business refusals
 * (`refused`, final), not our bugs: the data is right, this system just cannot hold it.
 */
export function nameRefusal(name: string, unencodable: string[]): ConnectorError | undefined {
  if (Array.from(name).length > MAX_NAME_LENGTH) {
    return ConnectorError.refused(`姓名长度不能超过${MAX_NAME_LENGTH}个字符（未发送）`);
  }
  if (unencodable.length > 0) return ConnectorError.refused(`姓名含有系统无法录入的生僻字（未发送）`);
  return undefined;
}

export function fieldRefusal(label: string): ConnectorError {
  return ConnectorError.refused(`${label}含有系统无法录入的字符（未发送）`);
}

/** `xb` from our binary reading of GB/T 2261.1 (0/9 resolved through the ID number). */
export function xbOf(gender: 'male' | 'female' | null): '1' | '2' {
  switch (gender) {
    case 'male':
      return '1';
    case 'female':
      return '2';
    case null:
      throw ConnectorError.refused('性别只能为男或女（未发送）');
  }
}

export type SaveReply = { ok: true; jyrybh: string | null } | { ok: false; error: ConnectorError };

/**
 * The text reply of /jy/ryxx.do: `0|成功|<jyrybh>` or `1|<reason>`. `1` is the department's
 * business refusal (final, its reason kept); anything else is not the system speaking
 * (a proxy page, a crash) and is worth a retry.
 */
export function parseSaveReply(text: string): SaveReply {
  const [status, ...rest] = text.trim().split('|');
  switch (status) {
    case '0':
      return { ok: true, jyrybh: rest[1]?.trim() || null };
    case '1': {
      const reason = rest.join('|').trim() || '业务处理失败';
      // A registration refused because the ID number is registered names the record that holds
      // it (an earlier create whose answer was lost): kept, so the hub updates that record.
      const heldAs = /已登记，人员编号[：:]\s*(\d+)/.exec(reason)?.[1];
      return {
        ok: false,
        error: ConnectorError.refused(reason, { departmentCode: '1', ...(heldAs ? { heldAs } : {}) }),
      };
    }
    default:
      return {
        ok: false,
        error: ConnectorError.temporary(`employment: unexpected reply (${text.trim().slice(0, 40)})`),
      };
  }
}

/** Pages answer with the login form once the 15-minute idle session is gone. */
export const isLoginPage = (html: string): boolean =>
  /<form[^>]*login\.do/i.test(html) || /name=["']?password/i.test(html);
