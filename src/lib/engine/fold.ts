/**
 * Constant folding: an expression's value at the start time, following references through their
 * equations, for what must be fixed before the run (a DELAY's order, an array size, a constant a
 * lever moves). What cannot be known then (a DELAY's output, a random number) throws a
 * CompileError saying why.
 */
import type { SimSpecs } from '../model/types';
import { CompileError } from './compile-error';
import { applyBinary, applyUnary } from './evaluate';
import { irLeftSpine, type IR, type Node, type NodeKind } from './ir';
import { lookupTable, type Table } from './runtime';

export interface StartValues {
	simSpecs: SimSpecs;
	tables: readonly Table[];
	nodes: readonly Node[];
	/**
	 * Resolves a user variable's node that is not resolved yet (its equation read and turned into
	 * nodes); throws a CompileError when it depends on itself or has an error.
	 */
	ensureResolved: (node: Node) => void;
}

export function valueAtStart(ir: IR, world: StartValues, visiting = new Set<number>()): number {
	const specs = world.simSpecs;
	const v = (x: IR) => valueAtStart(x, world, visiting);
	switch (ir.k) {
		case 'num':
			return ir.v;
		case 'time':
		case 'steptime':
		case 'start':
			return specs.start;
		case 'stop':
			return specs.stop;
		case 'dt':
			return specs.dt;
		case 'un':
			return applyUnary(ir.op, v(ir.a));
		case 'bin': {
			const { leftmost, chain } = irLeftSpine(ir);
			let value = v(leftmost);
			for (const link of chain) value = applyBinary(link.op, value, v(link.b));
			return value;
		}
		case 'if':
			return v(ir.c) !== 0 ? v(ir.t) : v(ir.e);
		case 'fn':
			return ir.fn.evaluate(...ir.args.map(v));
		case 'rt':
			if (ir.op === 'lookup')
				return lookupTable(world.tables[ir.slot], v(ir.args[0]), ir.args[1] && v(ir.args[1]));
			throw new CompileError(
				ir.op === 'pipe' ? 'it depends on a DELAY' : 'it depends on a random number'
			);
		case 'node': {
			const node = world.nodes[ir.id];
			if (node.kind === 'const') return node.value!;
			if (visiting.has(node.id)) throw new CompileError(`"${node.owner}" depends on itself`);
			if (!node.internal && node.expr === undefined && node.initExpr === undefined)
				world.ensureResolved(node);
			if ((node.kind as NodeKind) === 'const') return node.value!; // resolving may have just made it one
			const formula = node.initExpr ?? node.expr;
			if (!formula) throw new CompileError(`"${node.owner}" has no value yet`);
			visiting.add(node.id);
			const value = v(formula);
			visiting.delete(node.id);
			return node.uniflow ? Math.max(0, value) : value;
		}
	}
}
