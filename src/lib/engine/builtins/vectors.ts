import { vectorSelect } from './vensim';
import type { PureBuiltin } from './types';

/**
 * What Vensim's VECTOR functions become once the arrays pass has laid their arrays out as lists
 * of values (flatten/vector-functions.ts writes the calls): each takes the values last.
 * Checked against SDEverywhere's vector reference (wide conformance suite) and vectors.spec.ts.
 */
export const vectorBuiltins: PureBuiltin[] = [
	{
		kind: 'pure',
		name: 'vector_elm_at',
		signature: 'VECTOR_ELM_AT(index, values…): the value at a position from 0 (VECTOR ELM MAP)',
		minArgs: 2,
		maxArgs: Infinity,
		evaluate: (index, ...values) => {
			const i = Math.round(index);
			// Off the end of the array: no value, as Vensim's :NA:.
			return Math.abs(index - i) < 1e-9 && i >= 0 && i < values.length ? values[i] : NaN;
		}
	},
	{
		kind: 'pure',
		name: 'vector_select_of',
		signature:
			'VECTOR_SELECT_OF(missing, action, error action, selection, value, …): VECTOR SELECT over the selected values',
		minArgs: 3,
		maxArgs: Infinity,
		// One evaluator for VECTOR SELECT, whether it came from XMILE (flatten/vector-functions.ts)
		// or from a .mdl file (vensim/functions.ts): every action and error code Vensim has.
		evaluate: vectorSelect
	},
	{
		kind: 'pure',
		name: 'vector_sort_position',
		signature:
			'VECTOR_SORT_POSITION(position, direction, values…): which value (from 0) sorts to this position (VECTOR SORT ORDER)',
		minArgs: 3,
		maxArgs: Infinity,
		evaluate: (position, direction, ...values) => {
			const order = values.map((_, i) => i);
			// Stable, so equal values keep their order; direction 1 is ascending, 0 descending.
			order.sort((a, b) => (direction !== 0 ? values[a] - values[b] : values[b] - values[a]));
			return order[Math.round(position)] ?? NaN;
		}
	}
];
