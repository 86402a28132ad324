/**
 * `node dist/libs/generator/src/cli.js --people=10000 --seed=1 --out=DIR` (with the path aliases
 * registered, as `npm run hub` does): writes a synthetic city's seed files and ground truth.
 * Options: --reference-date=yyyy-MM-dd, --noise=<scale>, --noise.<rate>=<probability>.
 */
import { generateCity } from './generate-city';
import { DEFAULT_NOISE, type NoiseOptions, type NoiseRates } from './noise';

export { generateCity } from './generate-city';
export type { GenerateCityOptions, GenerateCityResult } from './generate-city';

const USAGE = `用法：generate --people=<人数> --seed=<种子> --out=<目录> [--reference-date=yyyy-MM-dd]
          [--communities=<社区代码,…>] [--noise=<噪声倍数>] [--noise.<噪声项>=<比例>]
噪声项：${Object.keys(DEFAULT_NOISE).join(', ')}`;

const PROGRESS_STEP = 100_000;

function parseArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([\w.-]+)=(.*)$/.exec(arg);
    if (!match) throw new Error(`无法识别的参数：${arg}`);
    args.set(match[1], match[2]);
  }
  return args;
}

function numberArg(args: Map<string, string>, name: string): number | undefined {
  const text = args.get(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new Error(`参数 --${name} 应为数字`);
  return value;
}

function noiseOptions(args: Map<string, string>): NoiseOptions {
  const noise: NoiseOptions = { scale: numberArg(args, 'noise') ?? 1 };
  for (const key of args.keys()) {
    if (!key.startsWith('noise.')) continue;
    const rate = key.slice('noise.'.length);
    if (!(rate in DEFAULT_NOISE)) throw new Error(`未知的噪声项：${rate}`);
    noise[rate as keyof NoiseRates] = numberArg(args, key);
  }
  return noise;
}

/** Exit code 0 on success, 2 on bad arguments. Progress goes to stderr every 100 000 people. */
export async function main(argv: string[]): Promise<number> {
  let args: Map<string, string>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const people = numberArg(args, 'people');
  const seed = numberArg(args, 'seed') ?? 1;
  const outDir = args.get('out');
  if (people === undefined || !outDir) {
    console.error(USAGE);
    return 2;
  }
  const started = Date.now();
  let reported = 0;
  const result = await generateCity({
    people,
    seed,
    outDir,
    referenceDate: args.get('reference-date'),
    communities: args.get('communities')?.split(',').filter(Boolean),
    noise: noiseOptions(args),
    onProgress: (done) => {
      if (done - reported < PROGRESS_STEP && done < people) return;
      reported = done - (done % PROGRESS_STEP);
      console.error(`已生成 ${done} / ${people} 人（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const memory = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.log(
    `完成：${result.people} 人，${result.households} 户，用时 ${seconds} 秒，内存 ${memory} MB，输出目录 ${outDir}`,
  );
  for (const [system, count] of Object.entries(result.records)) console.log(`  ${system}: ${count} 条`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
