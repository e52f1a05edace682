/**
 * Evaluation order. Each phase (initial values; rates) is a dependency graph over nodes; a
 * topological order evaluates every node after what it reads. A cycle is an algebraic loop,
 * reported with its members (Tarjan's strongly connected components).
 */
export interface OrderResult {
	order: number[];
	/** Each loop as the node ids in it, in dependency order where possible. */
	loops: number[][];
}

export function evaluationOrder(
	nodes: readonly number[],
	dependsOn: (id: number) => readonly number[]
): OrderResult {
	const inGraph = new Set(nodes);
	const index = new Map<number, number>();
	const low = new Map<number, number>();
	const onStack = new Set<number>();
	const stack: number[] = [];
	const order: number[] = [];
	const loops: number[][] = [];
	let counter = 0;

	// Iterative Tarjan: models can chain thousands of variables, deeper than the JS call stack.
	for (const root of nodes) {
		if (index.has(root)) continue;
		const work: { id: number; deps: readonly number[]; next: number }[] = [];
		const visit = (id: number) => {
			index.set(id, counter);
			low.set(id, counter++);
			stack.push(id);
			onStack.add(id);
			work.push({ id, deps: dependsOn(id).filter((d) => inGraph.has(d)), next: 0 });
		};
		visit(root);
		while (work.length) {
			const frame = work[work.length - 1];
			if (frame.next < frame.deps.length) {
				const dep = frame.deps[frame.next++];
				if (!index.has(dep)) visit(dep);
				else if (onStack.has(dep)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(dep)!));
				continue;
			}
			work.pop();
			if (work.length) {
				const parent = work[work.length - 1].id;
				low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
			}
			if (low.get(frame.id) === index.get(frame.id)) {
				const component: number[] = [];
				let member: number;
				do {
					member = stack.pop()!;
					onStack.delete(member);
					component.push(member);
				} while (member !== frame.id);
				const selfLoop = component.length === 1 && dependsOn(frame.id).includes(frame.id);
				if (component.length > 1 || selfLoop) loops.push(component.reverse());
				// Components complete in dependency order: everything a node reads is already out.
				order.push(...component);
			}
		}
	}
	return { order, loops };
}
