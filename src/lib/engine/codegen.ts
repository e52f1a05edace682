/**
 * IR → JavaScript. The generated source is built only from the checked IR: numbers are printed
 * by emitNumber, values are array reads at integer slots, operators and builtin calls come from
 * fixed tables. No text from the model (names, equations, units) ever reaches the source.
 */
import { irLeftSpine, type BinaryIR, type IR, type Node } from './ir';
import { rerollStatements } from './reroll';

export function emitNumber(v: number): string {
	if (Number.isNaN(v)) return 'NaN';
	if (v === Infinity) return 'Infinity';
	if (v === -Infinity) return '(-Infinity)';
	if (Object.is(v, -0)) return '(-0)';
	if (!Number.isFinite(v)) throw new Error('unreachable');
	const text = String(v);
	return v < 0 ? `(${text})` : text;
}

function slot(n: number): string {
	if (!Number.isInteger(n) || n < 0) throw new Error(`bad slot ${n}`);
	return String(n);
}

/** Where each node's value lives in the generated code. */
export function nodeRef(node: Node): string {
	const array = node.kind === 'stock' ? 's' : node.kind === 'const' ? 'c' : 'v';
	return `${array}[${slot(node.slot)}]`;
}

/**
 * Comparisons as JavaScript writes a chain of them. `a < b < c` groups as (a < b) < c in both
 * languages, and JavaScript compares the inner true or false as 1 or 0, which is the 1 or 0 an
 * XMILE comparison gives; `==` (not `===`) so that `(a = b) = c` compares that 1 or 0 with c too.
 * Between two numbers `==` is `===`.
 */
const CHAINED_COMPARISONS = {
	'=': '==',
	'<>': '!=',
	'<': '<',
	'<=': '<=',
	'>': '>',
	'>=': '>='
} as const;
/** Comparisons of one precedence level chain together: = and <> looser than < <= > >=. */
const COMPARISON_LEVEL: Record<string, number> = {
	'=': 1,
	'<>': 1,
	'<': 2,
	'<=': 2,
	'>': 2,
	'>=': 2
};
const ARITHMETIC = { '+': '+', '-': '-', '*': '*', '/': '/' } as const;
const RUNTIME_OPS = new Set([
	'lookup',
	'lookupForward',
	'lookupBackward',
	'pipe',
	'uniform',
	'normal',
	'exponential',
	'lognormal',
	'poisson',
	'triangular',
	'vensimRandom',
	'randomLookup',
	'conveyorOut',
	'conveyorLeak'
]);
const SAFE_BUILTIN_NAME = /^[a-z][a-z0-9_]*$/;

export function emit(ir: IR, nodes: readonly Node[]): string {
	const e = (x: IR): string => emit(x, nodes);
	switch (ir.k) {
		case 'num':
			return emitNumber(ir.v);
		case 'node':
			return nodeRef(nodes[ir.id]);
		case 'time':
			return 't';
		case 'steptime':
			return '(rt.start + rt.n * dt)';
		case 'dt':
			return 'dt';
		case 'start':
			return 'rt.start';
		case 'stop':
			return 'rt.stop';
		case 'un':
			if (ir.op === '-') return `(-${e(ir.a)})`;
			if (ir.op === '+') return e(ir.a);
			return `(${e(ir.a)} === 0 ? 1 : 0)`;
		case 'bin': {
			if (ir.op in ARITHMETIC) return `(${emitChain(ir, nodes)})`;
			if (ir.op in CHAINED_COMPARISONS) return emitComparisons(ir, nodes);
			if (ir.op === 'and' || ir.op === 'or') return emitLogic(ir, nodes);
			const a = e(ir.a);
			const b = e(ir.b);
			if (ir.op === '^') return `Math.pow(${a}, ${b})`;
			if (ir.op === 'mod') return `F.mod(${a}, ${b})`; // floorMod, as evaluate.ts
			throw new Error(`unknown operator ${ir.op}`);
		}
		case 'if':
			return `(${e(ir.c)} !== 0 ? ${e(ir.t)} : ${e(ir.e)})`;
		case 'fn': {
			const args = ir.args.map(e);
			if (ir.fn.emit) return ir.fn.emit(args);
			if (!SAFE_BUILTIN_NAME.test(ir.fn.name)) throw new Error(`bad builtin name`);
			return `F.${ir.fn.name}(${args.join(', ')})`;
		}
		case 'rt':
			if (!RUNTIME_OPS.has(ir.op)) throw new Error(`bad runtime op`);
			return `rt.${ir.op}(${[slot(ir.slot), ...ir.args.map(e)].join(', ')})`;
	}
}

const PRECEDENCE: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/**
 * A left-associative chain such as a + b − c + d, written without a parenthesis per operation:
 * JavaScript groups it the same way, and a 3,000-term sum nested 3,000 parentheses deep would
 * overflow the JavaScript parser. Walks the left spine in a loop, not by recursion.
 */
function emitChain(ir: Extract<IR, { k: 'bin' }>, nodes: readonly Node[]): string {
	const level = PRECEDENCE[ir.op];
	const rights: string[] = [];
	let left: IR = ir;
	while (left.k === 'bin' && PRECEDENCE[left.op] === level) {
		rights.push(`${ARITHMETIC[left.op as keyof typeof ARITHMETIC]} ${emit(left.b, nodes)}`);
		left = left.a;
	}
	return inBlocks(emit(left, nodes), rights.reverse());
}

/**
 * Operations a chain may hold before it is cut into blocks. V8 nests a chain of mixed operators
 * (a * b / c …) one level per operator when it compiles it, and ran out of stack between 5,000
 * and 10,000; its own chains of one operator are flat.
 */
export const CHAIN_BLOCK = 500;

/**
 * `first op1 x1 op2 x2 …` as one expression, in blocks of CHAIN_BLOCK operations carried in the
 * scratch variable `acc` (declared by buildFunction): `(acc = (a * b …), acc = (acc / x …), acc)`.
 * Each block reads acc before anything in it runs, so an operand that is itself a long chain
 * may reuse acc: the order and the rounding of every operation are those of the chain written.
 */
function inBlocks(first: string, rest: readonly string[]): string {
	if (rest.length <= CHAIN_BLOCK) return [first, ...rest].join(' ');
	const steps = [`acc = (${[first, ...rest.slice(0, CHAIN_BLOCK)].join(' ')})`];
	for (let i = CHAIN_BLOCK; i < rest.length; i += CHAIN_BLOCK)
		steps.push(`acc = (acc ${rest.slice(i, i + CHAIN_BLOCK).join(' ')})`);
	return `(${steps.join(', ')}, acc)`;
}

/**
 * A chain of comparisons at one level, `(a < b < c ? 1 : 0)`, flat for the same reason as
 * emitChain: 2,000 nested `(x < y ? 1 : 0)` overflow the JavaScript parser.
 */
function emitComparisons(ir: BinaryIR, nodes: readonly Node[]): string {
	const level = COMPARISON_LEVEL[ir.op];
	const { leftmost, chain } = irLeftSpine(ir, (op) => COMPARISON_LEVEL[op] === level);
	const ops = chain.map(
		(link) =>
			`${CHAINED_COMPARISONS[link.op as keyof typeof CHAINED_COMPARISONS]} ${emit(link.b, nodes)}`
	);
	return `(${inBlocks(emit(leftmost, nodes), ops)} ? 1 : 0)`;
}

/**
 * A chain of ANDs (or of ORs), `(a !== 0 && b !== 0 && c !== 0 ? 1 : 0)`: the same value and the
 * same short-circuit order as nesting them, without the depth.
 */
function emitLogic(ir: BinaryIR, nodes: readonly Node[]): string {
	const { leftmost, chain } = irLeftSpine(ir, (op) => op === ir.op);
	const operands = [leftmost, ...chain.map((link) => link.b)].map((x) => `${emit(x, nodes)} !== 0`);
	return `(${operands.join(ir.op === 'and' ? ' && ' : ' || ')} ? 1 : 0)`;
}

/** Dependencies of an IR expression: the node ids it reads. */
export function readsOf(ir: IR | undefined, into: Set<number> = new Set()): Set<number> {
	if (!ir) return into;
	switch (ir.k) {
		case 'node':
			into.add(ir.id);
			break;
		case 'un':
			readsOf(ir.a, into);
			break;
		case 'bin': {
			// Long sums are deep on the left: follow that side in a loop.
			let left: IR = ir;
			while (left.k === 'bin') {
				readsOf(left.b, into);
				left = left.a;
			}
			readsOf(left, into);
			break;
		}
		case 'if':
			readsOf(ir.c, into);
			readsOf(ir.t, into);
			readsOf(ir.e, into);
			break;
		case 'fn':
		case 'rt':
			for (const a of ir.args) readsOf(a, into);
			break;
	}
	return into;
}

/**
 * Large models make long straight-line functions, and V8 does not optimise a function past a
 * bytecode size (a 3,000-statement rates function ran 8× slower than the same code in parts), so
 * statements are split into parts of about this much source each.
 */
export const CHARACTERS_PER_CHUNK = 24_000;

/**
 * The body of `new Function('rt', 'F', …)` that returns one function of `params` running the
 * statements in order, split into parts of about CHARACTERS_PER_CHUNK (see above). The loops
 * analysis's scoring code (loops/scoring-code.ts) is built the same way.
 */
export function chunkedSource(statements: readonly string[], params: string): string {
	const chunks: string[] = [];
	let current: string[] = [];
	let size = 0;
	for (const statement of statements) {
		if (size + statement.length > CHARACTERS_PER_CHUNK && current.length) {
			chunks.push(current.join('\n'));
			current = [];
			size = 0;
		}
		current.push(statement);
		size += statement.length + 1;
	}
	chunks.push(current.join('\n'));
	return [
		'"use strict";',
		...chunks.map(
			(body, i) => `function part${i}(${params}) {\nconst dt = rt.dt;\nlet acc = 0;\n${body}\n}`
		),
		// One part needs no wrapper: a call per step saved matters for small models.
		chunks.length === 1
			? 'return part0;'
			: `return function (${params}) {\n${chunks.map((_, i) => `part${i}(${params});`).join('\n')}\n};`
	].join('\n');
}

/** Builds `function (t, s, v, c, d, v1)` from statements, chunked, with rt and F in its closure. */
export function buildFunction(
	statements: readonly string[],
	rt: unknown,
	builtins: Record<string, (...a: number[]) => number>
): (
	t: number,
	s: Float64Array,
	v: Float64Array,
	c: Float64Array,
	d: Float64Array,
	v1: Float64Array
) => void {
	const source = chunkedSource(rerollStatements(statements), 't, s, v, c, d, v1');
	return new Function('rt', 'F', source)(rt, builtins);
}
