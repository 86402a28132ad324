/** Names in the GBK systems (employment, social insurance): what could not be stored is lost. */
import type { Person } from '../model';
import { GBK_DOT_VARIANTS, gbkName, hasCharacterOutsideGbk } from '../names/name-noise';
import type { RecordNoise } from './record-noise';

/** The name noise of any system, then `?` (or a clerk's homophone) for characters outside GBK. */
export function gbkNameOf(p: Person, noise: RecordNoise, maxLength?: number): string {
  let name = noise.name(p, { dots: GBK_DOT_VARIANTS });
  if (hasCharacterOutsideGbk(name)) {
    const homophone = noise.rng.chance(noise.rates.gbkHomophone);
    noise.tag(homophone ? 'gbk-homophone' : 'gbk-loss');
    name = gbkName(name, homophone);
  }
  if (maxLength !== undefined && Array.from(name).length > maxLength) {
    noise.tag('name-truncated');
    name = Array.from(name).slice(0, maxLength).join('');
  }
  return name;
}
