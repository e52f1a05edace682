/**
 * Loop rerolling for generated statements. Models repeat structure (a chain of stages, one
 * pathway per locality), which comes out of code generation as runs of statements identical but
 * for their array slots:
 *
 *   v[1] = (s[0] / c[0]);  v[2] = (s[1] / c[1]);  v[3] = (s[2] / c[2]);  …
 *
 * A long straight line of such statements overflows the CPU's instruction cache; the same work as
 * a loop is a few instructions. A run whose slots all advance by fixed strides becomes
 *
 *   for (let i = 0; i < 1000; i++) v[1 + i] = (s[i] / c[i]);
 *
 * which executes the same statements in the same order, so results are bit for bit the same.
 * Only slot numbers inside `s[…] v[…] c[…] d[…] v1[…]` vary; everything else must match exactly.
 */
const SLOT = /\b(v1|[svcd])\[(\d+)\]/g;

interface Shaped {
	shape: string;
	slots: number[];
}

function shapeOf(statement: string): Shaped {
	const slots: number[] = [];
	const shape = statement.replace(SLOT, (_, array: string, slot: string) => {
		slots.push(Number(slot));
		return `${array}[#]`;
	});
	return { shape, slots };
}

function render(shape: string, first: number[], strides: number[]): string {
	let k = 0;
	return shape.replace(/\b(v1|[svcd])\[#\]/g, (_, array: string) => {
		const base = first[k];
		const stride = strides[k++];
		const step = stride === 0 ? '' : stride === 1 ? 'i' : `${stride} * i`;
		const index = step === '' ? String(base) : base === 0 ? step : `${base} + ${step}`;
		return `${array}[${index}]`;
	});
}

export function rerollStatements(statements: readonly string[], minimumRun = 4): string[] {
	const out: string[] = [];
	const shaped = statements.map(shapeOf);
	let i = 0;
	while (i < shaped.length) {
		const head = shaped[i];
		let end = i + 1;
		if (head.slots.length && i + 1 < shaped.length && shaped[i + 1].shape === head.shape) {
			const strides = shaped[i + 1].slots.map((s, k) => s - head.slots[k]);
			// A negative stride would still be correct, but keeps the generated code simple to read.
			if (strides.every((s) => s >= 0) && strides.some((s) => s > 0)) {
				while (
					end < shaped.length &&
					shaped[end].shape === head.shape &&
					shaped[end].slots.every((s, k) => s === head.slots[k] + strides[k] * (end - i))
				) {
					end++;
				}
				if (end - i >= minimumRun) {
					out.push(
						`for (let i = 0; i < ${end - i}; i++) ${render(head.shape, head.slots, strides)}`
					);
					i = end;
					continue;
				}
			}
		}
		out.push(statements[i]);
		i++;
	}
	return out;
}
