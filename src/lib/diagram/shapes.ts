/** Sizes of the diagram's shapes, in diagram units, shared by the nodes, the edges and the layout. */
export const SHAPES = {
	stock: { width: 72, height: 46 },
	aux: { width: 26, height: 26 },
	flow: { width: 22, height: 22 },
	cloud: { width: 40, height: 26 }
} as const;

export type ShapeKind = keyof typeof SHAPES;
