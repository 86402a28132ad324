/**
 * The noise of one source record: each decision is drawn from the writer's own random stream
 * and leaves a tag, so truth.jsonl says exactly what was done to the record.
 */
import { ADDRESS_STYLES, formerAddress, type AddressStyle } from '../addresses';
import type { Address, Person } from '../model';
import {
  DOT_VARIANTS,
  dotVariantName,
  homophoneName,
  spacedName,
  traditionalName,
} from '../names/name-noise';
import type { NoiseRates } from '../noise';
import type { NoiseTag } from '../output/truth';
import { mobile } from '../phones';
import type { Random } from '../random';

export interface NameNoise {
  /** Rate of a space after the surname (public-health's quirk raises it). */
  spaceRate?: number;
  /** Dots this system can store; GBK systems have fewer. */
  dots?: readonly string[];
}

export class RecordNoise {
  readonly tags: NoiseTag[] = [];

  constructor(
    readonly rng: Random,
    readonly rates: NoiseRates,
  ) {}

  /** Draws `rate`; on a hit records `tag` and returns true. */
  hit(rate: number, tag: NoiseTag): boolean {
    if (!this.rng.chance(rate)) return false;
    this.tags.push(tag);
    return true;
  }

  tag(tag: NoiseTag): void {
    this.tags.push(tag);
  }

  name(p: Person, options: NameNoise = {}): string {
    let name = p.name;
    const surnameLength = Array.from(p.surname).length;
    if (!p.dotted && this.rng.chance(this.rates.homophone)) {
      const variant = homophoneName(name, surnameLength, this.rng);
      if (variant) {
        name = variant;
        this.tags.push('homophone');
      }
    }
    if (this.rng.chance(this.rates.traditional)) {
      const variant = traditionalName(name);
      if (variant !== name) {
        name = variant;
        this.tags.push('traditional');
      }
    }
    if (p.dotted && this.hit(this.rates.dotVariant, 'dot-variant')) {
      name = dotVariantName(name, this.rng, options.dots ?? DOT_VARIANTS);
    } else if (
      !p.dotted &&
      surnameLength > 0 &&
      this.hit(options.spaceRate ?? this.rates.nameSpace, 'name-space')
    ) {
      name = spacedName(name, surnameLength);
    }
    return name;
  }

  /**
   * The address this record holds: now and then a former one, otherwise the current one,
   * written `3幢2单元501室` or (addressStyle) one of the other two ways.
   */
  pickAddress(
    current: Address,
    styleRate = this.rates.addressStyle,
  ): { address: Address; style: AddressStyle } {
    if (this.hit(this.rates.staleAddress, 'stale-address')) {
      return { address: formerAddress(this.rng), style: this.rng.pick(ADDRESS_STYLES) };
    }
    if (current.unit !== null && this.hit(styleRate, 'address-style')) {
      return { address: current, style: this.rng.chance(0.5) ? 'dash' : 'dong' };
    }
    return { address: current, style: 'zhuang' };
  }

  address(current: Address, render: (a: Address, style: AddressStyle) => string): string {
    const { address, style } = this.pickAddress(current);
    return render(address, style);
  }

  /** The phone, or now and then a number the person no longer uses. */
  phone(phone: string | null): string | null {
    if (phone === null) return null;
    return this.hit(this.rates.stalePhone, 'stale-phone') ? mobile(this.rng) : phone;
  }
}
