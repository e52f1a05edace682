import { vectorSelect } from './vensim';
import { vectorElmMap, vectorSortOrder } from './vensim-vectors';
import type { PureBuiltin } from './types';

/**
 * What Vensim's VECTOR functions become once their arrays are laid out as lists of values, by
 * the arrays pass (flatten/vector-functions.ts) or the .mdl reader (vensim/vector-functions.ts):
 * each takes the values last.
 * Checked against SDEverywhere's vector reference (wide conformance suite) and vectors.spec.ts.
 */
export const vectorBuiltins: PureBuiltin[] = [
	{
		kind: 'pure',
		name: 'vector_elm_at',
		signature: 'VECTOR_ELM_AT(index, values…): the value at a position from 0 (VECTOR ELM MAP)',
		minArgs: 2,
		maxArgs: Infinity,
		// Off the end of the array: no value, as Vensim's :NA:.
		evaluate: vectorElmMap
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
		evaluate: vectorSortOrder
	}
];
