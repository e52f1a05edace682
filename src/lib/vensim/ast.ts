/**
 * A Vensim equation as parsed, before it is turned into XMILE text. Names keep the spelling the
 * modeller wrote; positions are offsets into the equation, for messages.
 */

/** One subscript of a reference: `Region`, `North`, or `Region!` (every element, for SUM). */
export interface SubscriptRef {
	name: string;
	bang: boolean;
}

export interface LookupTable {
	xs: number[];
	ys: number[];
	/** The `[(xmin,ymin)-(xmax,ymax)]` range written before the points. */
	range?: { xMin: number; yMin: number; xMax: number; yMax: number };
	/** Data read with `:HOLD BACKWARD:`: each value holds until the next point, not interpolated. */
	holds?: boolean;
}

export type VExpr =
	| { type: 'number'; value: number }
	| { type: 'name'; name: string; subscripts: SubscriptRef[]; start: number }
	| {
			type: 'call';
			name: string;
			/** A subscripted lookup called as `table[Region](x)`. */
			subscripts: SubscriptRef[];
			args: VExpr[];
			start: number;
	  }
	| { type: 'unary'; op: '-' | '+' | 'not'; arg: VExpr }
	| { type: 'binary'; op: BinaryOp; left: VExpr; right: VExpr }
	| { type: 'table'; table: LookupTable }
	| { type: 'na' }
	| { type: 'string'; value: string };

export type BinaryOp =
	'+' | '-' | '*' | '/' | '^' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

/** Vensim's missing value, :NA: (−2^109 in Vensim's own arithmetic). */
export const NA_VALUE = -(2 ** 109);
