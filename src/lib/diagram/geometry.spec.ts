import { describe, expect, it } from 'vitest';
import { edgePoint, freeSpot } from './geometry';

const close = (p: { x: number; y: number }, x: number, y: number) => {
	expect(p.x).toBeCloseTo(x, 6);
	expect(p.y).toBeCloseTo(y, 6);
};

describe('edgePoint', () => {
	it('stops at the edge of a circle and of a rectangle', () => {
		close(edgePoint({ x: 100, y: 0 }, { x: 0, y: 0 }, { width: 26, height: 26 }), 13, 0);
		close(edgePoint({ x: 0, y: 100 }, { x: 0, y: 0 }, { width: 72, height: 46 }), 0, 23);
		close(edgePoint({ x: -100, y: 0 }, { x: 0, y: 0 }, { width: 72, height: 46 }, 2), -38, 0);
	});

	it('stops at the back of a stack when the line comes from the side the copies are on', () => {
		const stack = { layers: 2, offset: 4 };
		// From the right the last copy sticks out 8 further; from the left the front shape is the edge.
		close(edgePoint({ x: 100, y: 0 }, { x: 0, y: 0 }, { width: 72, height: 46, stack }), 44, 0);
		close(edgePoint({ x: -100, y: 0 }, { x: 0, y: 0 }, { width: 72, height: 46, stack }), -36, 0);
		// From above (screen y up is negative) the copies reach 8 higher; from below, the front.
		close(edgePoint({ x: 0, y: -100 }, { x: 0, y: 0 }, { width: 72, height: 46, stack }), 0, -31);
		close(edgePoint({ x: 0, y: 100 }, { x: 0, y: 0 }, { width: 72, height: 46, stack }), 0, 23);
		// A circle's last copy, centred at (8, -8): along the diagonal it reaches 8√2 + 13.
		const d = edgePoint({ x: 100, y: -100 }, { x: 0, y: 0 }, { width: 26, height: 26, stack });
		expect(Math.hypot(d.x, d.y)).toBeCloseTo(8 * Math.SQRT2 + 13, 6);
		const back = edgePoint({ x: -100, y: 100 }, { x: 0, y: 0 }, { width: 26, height: 26, stack });
		expect(Math.hypot(back.x, back.y)).toBeCloseTo(13, 6);
	});
});

describe('freeSpot', () => {
	it('is the point itself when nothing is near, else the next free place to the right or below', () => {
		expect(freeSpot({ x: 0, y: 0 }, [{ x: 500, y: 500 }])).toEqual({ x: 0, y: 0 });
		expect(freeSpot({ x: 0, y: 0 }, [{ x: 10, y: 5 }])).toEqual({ x: 130, y: 0 });
		const row = [0, 130, 260, 390].map((x) => ({ x, y: 0 }));
		expect(freeSpot({ x: 0, y: 0 }, row)).toEqual({ x: 0, y: 130 });
	});
});
