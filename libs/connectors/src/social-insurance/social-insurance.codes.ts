import type { ResidentSnapshot } from '@hub/domain';
import { ConnectorError } from '../common';

/**
 * 户籍性质. Since the 2014 household registration reform (国发〔2014〕25号) every 户口 is a
 * 居民户口; the hub keeps no 农业/非农业 split and will not invent one. Floating residents'
 * 户口 is elsewhere but is a 居民户口 too. `农业`/`非农业` remain readable in old records.
 */
export function hujiXingzhiOf(registrationType: ResidentSnapshot['registrationType']): '居民' {
  switch (registrationType) {
    case 'registered':
    case 'floating':
      return '居民';
    case 'overseas':
      throw ConnectorError.refused('境外人员不能参加城乡居民养老保险（未发送）');
  }
}

/**
 * 参保状态 as the hub last learned it from the department (it is authoritative). A resident the
 * department has not enrolled (`none`, unknown) gets a blank: the hub never decides enrolment.
 */
export function canbaoZhuangtaiOf(pensionStatus: string | null): string {
  switch (pensionStatus) {
    case 'paying':
      return '参保缴费';
    case 'suspended':
      return '暂停缴费';
    case 'terminated':
      return '终止参保';
    case 'receiving':
      return '待遇领取';
    case 'none':
    case null:
      return '';
    case 'employee':
      throw new ConnectorError('invalid', 'social-insurance: employee-insured residents are not covered');
    default:
      throw new ConnectorError('invalid', `social-insurance: unknown pension status ${pensionStatus}`);
  }
}

export function pensionStatusOf(canbaoZhuangtai: string): string | undefined {
  switch (canbaoZhuangtai) {
    case '参保缴费':
      return 'paying';
    case '暂停缴费':
      return 'suspended';
    case '终止参保':
      return 'terminated';
    case '待遇领取':
      return 'receiving';
    default:
      return undefined;
  }
}

export const xingbieOf = (gender: 'male' | 'female' | null): string => {
  switch (gender) {
    case 'male':
      return '男';
    case 'female':
      return '女';
    case null:
      throw ConnectorError.refused('性别只能为男或女（未发送）');
  }
};

/** Outside the upload window the department answers 403 with this text. */
export const OUTSIDE_WINDOW = '不在批量上传时间窗口内';

/** A per-row 处理结果: success is `成功`; anything else carries the department's 原因. */
export const isRowSuccess = (result: string): boolean => /成功/.test(result) && !/不成功|失败/.test(result);
