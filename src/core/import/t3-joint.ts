// Table 3 rows read several ways are chosen jointly by the column rules (一 + 二 = 三(七) + 四,
// 三(七) = sum of results). Reports that break the rules: the fewest violations, if unique; never a guess.
import { T3_COLUMNS, T3_RESULT_ROWS, T3_RESULT_TOTAL_ROW } from "../report/format.ts";

type RowReadings = ReadonlyMap<string, readonly (readonly number[])[]>;

interface JointChoice {
  readonly chosen: ReadonlyMap<string, readonly number[]>;
  readonly open: readonly string[];
  /** Of the chosen combination: the report's own. */
  readonly violations: number;
}

/** Beyond, ambiguous rows stay open. */
const MAX_COMBINATIONS = 50_000;
const RESULT_KEYS = T3_RESULT_ROWS.map((row) => row.key);
const WIDTH = T3_COLUMNS.length;

function violations(values: ReadonlyMap<string, readonly number[]>): number {
  let count = 0;
  for (let column = 0; column < WIDTH; column++) {
    const at = (key: string): number | undefined => values.get(key)?.[column];
    const results = RESULT_KEYS.map(at);
    const sum = results.every((value) => value !== undefined) ? results.reduce<number>((a, b) => a + (b ?? 0), 0) : undefined;
    const printed = at(T3_RESULT_TOTAL_ROW.key);
    if (printed !== undefined && sum !== undefined && printed !== sum) count++;
    const handled = printed ?? sum;
    const [fresh, carried, forward] = [at("new"), at("carriedOver"), at("carriedForward")];
    if (fresh !== undefined && carried !== undefined && forward !== undefined && handled !== undefined && fresh + carried !== handled + forward) count++;
  }
  return count;
}

export function chooseJointly(readings: RowReadings): JointChoice {
  const settled = new Map<string, readonly number[]>();
  const open: { key: string; options: readonly (readonly number[])[] }[] = [];
  for (const [key, options] of readings) {
    const [only] = options;
    if (options.length === 1 && only !== undefined) settled.set(key, only);
    else if (options.length > 1) open.push({ key, options });
  }
  const combinations = open.reduce((product, row) => product * row.options.length, 1);
  if (open.length === 0 || combinations > MAX_COMBINATIONS) {
    return { chosen: settled, open: open.map((row) => row.key), violations: open.length === 0 ? violations(settled) : 0 };
  }
  let best = Number.POSITIVE_INFINITY;
  let bests: number[][] = [];
  for (let combination = 0; combination < combinations; combination++) {
    // One option per open row, counted in mixed radix.
    const values = new Map(settled);
    let rest = combination;
    const pick = open.map((row) => {
      const index = rest % row.options.length;
      rest = Math.floor(rest / row.options.length);
      values.set(row.key, row.options[index] ?? []);
      return index;
    });
    const count = violations(values);
    if (count < best) {
      best = count;
      bests = [pick];
    } else if (count === best) bests.push(pick);
  }
  const chosen = new Map(settled);
  const stillOpen: string[] = [];
  open.forEach((row, depth) => {
    // Without violations, a row is settled when every consistent combination reads it alike;
    // with violations, only the one combination that breaks the fewest rules is taken.
    const indices = new Set(bests.map((combination) => combination[depth]));
    const [index] = [...indices];
    const option = index === undefined ? undefined : row.options[index];
    if (option !== undefined && indices.size === 1 && (best === 0 || bests.length === 1)) chosen.set(row.key, option);
    else stillOpen.push(row.key);
  });
  return { chosen, open: stillOpen, violations: stillOpen.length === 0 ? best : violations(chosen) };
}
