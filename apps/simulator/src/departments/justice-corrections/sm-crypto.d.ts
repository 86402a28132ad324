/**
 * The part of sm-crypto (no published types) the corrections system uses. Namespaces and
 * function overloads so that another declaration of the module elsewhere merges with this one.
 */
declare module 'sm-crypto' {
  interface Sm4Options {
    mode?: 'cbc' | 'ecb';
    /** 16 bytes, hex string or byte array. */
    iv?: string | number[];
    padding?: 'pkcs#7' | 'pkcs#5' | 'none';
    output?: 'string' | 'array';
  }
  export namespace sm4 {
    /** A string input is UTF-8 text; the output is hex, or bytes with `output: 'array'`. */
    function encrypt(
      input: string | number[],
      key: string | number[],
      options: Sm4Options & { output: 'array' },
    ): number[];
    function encrypt(input: string | number[], key: string | number[], options?: Sm4Options): string;
    /** A string input is hex; the output is UTF-8 text, or bytes with `output: 'array'`. */
    function decrypt(
      input: string | number[],
      key: string | number[],
      options: Sm4Options & { output: 'array' },
    ): number[];
    function decrypt(input: string | number[], key: string | number[], options?: Sm4Options): string;
  }
  /** SM3 digest (hex); with `{ key }` HMAC-SM3. A string key is read as HEX, not as text. */
  export function sm3(input: string | number[], options?: { key: string | number[]; mode?: 'hmac' }): string;
}
