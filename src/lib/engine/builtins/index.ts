import { canonicalName } from '../../model/names';
import { arrayBuiltins } from './arrays';
import { delayBuiltins } from './delays';
import { financeBuiltins } from './finance';
import { inputBuiltins } from './inputs';
import { mathBuiltins } from './math';
import { memoryBuiltins } from './memory';
import { randomBuiltins } from './random';
import { smoothBuiltins } from './smooths';
import { vectorBuiltins } from './vectors';
import type { Builtin } from './types';
import { vensimExpandingBuiltins, vensimPureBuiltins } from './vensim';
import { vensimVectorBuiltins } from './vensim-vectors';
import { allocationBuiltins } from './allocation';

export type { Builtin, PureBuiltin, ExpandingBuiltin, ExpandContext } from './types';

/** Every builtin function, for the compiler, autocomplete and documentation. */
export const BUILTINS: readonly Builtin[] = [
	...mathBuiltins,
	...arrayBuiltins,
	...inputBuiltins,
	...delayBuiltins,
	...smoothBuiltins,
	...memoryBuiltins,
	...financeBuiltins,
	...randomBuiltins,
	...vectorBuiltins,
	...vensimPureBuiltins,
	...vensimVectorBuiltins,
	...allocationBuiltins,
	...vensimExpandingBuiltins
];

const byName = new Map<string, Builtin>();
for (const b of BUILTINS)
	for (const n of [b.name, ...(b.aliases ?? [])]) byName.set(canonicalName(n), b);

export function findBuiltin(name: string): Builtin | undefined {
	return byName.get(canonicalName(name));
}

/**
 * Names that read a property of the run rather than a variable. Vensim's names are accepted
 * too (xmutil writes them), but a model variable of the same name wins.
 */
export const RUN_CONSTANTS: ReadonlyMap<string, 'time' | 'dt' | 'start' | 'stop'> = new Map([
	['time', 'time'],
	['dt', 'dt'],
	['time_step', 'dt'],
	['starttime', 'start'],
	['initial_time', 'start'],
	['stoptime', 'stop'],
	['final_time', 'stop']
]);

/**
 * Table lookups take a graphical function's name as their first argument. Vensim's variants read
 * the table otherwise than its own type says: LOOKUP EXTRAPOLATE continues the end segments,
 * LOOKUP FORWARD takes the next point's y, LOOKUP BACKWARD holds the last point's (runtime.ts).
 */
export const LOOKUP_MODES: ReadonlyMap<string, LookupMode> = new Map([
	['lookup', 0],
	['lookup_extrapolate', 1],
	['lookup_forward', 2],
	['lookup_backward', 3]
]);
export type LookupMode = 0 | 1 | 2 | 3;
export const LOOKUP_NAMES: ReadonlySet<string> = new Set(LOOKUP_MODES.keys());
