/**
 * @antv/f2 in UI tests: jsdom has no 2d canvas, so the chart wrapper hides its
 * chart there and the tables beside it carry the figures. This stand-in keeps
 * F2's ES modules out of the jsdom run.
 */
export const jsx = (type: unknown, props: unknown) => ({ type, props });
export class Canvas {
  constructor(public props: unknown) {}
  render() {
    return Promise.resolve();
  }
  update() {
    return Promise.resolve();
  }
  destroy() {}
}
export const Chart = 'Chart';
export const Axis = 'Axis';
export const Line = 'Line';
export const Interval = 'Interval';
export const Legend = 'Legend';
