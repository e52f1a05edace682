/** Sizes of the diagram's shapes, in diagram units, shared by the nodes, the edges and the layout. */
export const SHAPES = {
	stock: { width: 72, height: 46 },
	aux: { width: 26, height: 26 },
	flow: { width: 22, height: 22 },
	cloud: { width: 40, height: 26 }
} as const;

export type ShapeKind = keyof typeof SHAPES;

/**
 * An arrayed variable is drawn as Stella draws it: its shape with copies stacked behind, each
 * STACK.offset further up and to the right. Edges stop at the outline of the whole stack.
 */
export const STACK = { layers: 2, offset: 4 } as const;
