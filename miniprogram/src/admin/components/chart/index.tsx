import { createElement, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Canvas as TaroCanvas, View } from '@tarojs/components';
import { Axis, Canvas, Chart, Interval, Legend, Line, jsx } from '@antv/f2';
import './index.scss';

/**
 * Charts drawn with @antv/f2 5 on a canvas: Taro's `<Canvas type="2d">` in
 * WeChat, a plain `<canvas>` in the browser (decision 18). Every chart on the
 * admin pages has a table beside it with the same figures, so a chart that
 * cannot draw (an old WeChat, jsdom) hides itself and loses nothing.
 */

export interface TrendPoint {
  day: string;
  series: string;
  value: number;
}

export interface BarPoint {
  label: string;
  value: number;
}

type ChartSpec =
  | { kind: 'trend'; data: TrendPoint[] }
  | { kind: 'bars'; data: BarPoint[]; /** What a bar's value is: "%" draws 0–100. */ unit: '%' | '' };

const BRAND = '#C8161D';
const BLUE = '#2F6BFF';
const GREY = '#8F959E';
/** Label size in CSS px (F2 draws in the canvas's CSS pixels, scaled by pixelRatio). */
const FONT = 11;

/** F2's own `jsx` (no JSX pragma needed); its generic component types do not fit one call signature. */
const h = jsx as unknown as (type: unknown, props: Record<string, unknown>) => unknown;

/** The F2 element tree for a spec. */
function chartOf(spec: ChartSpec) {
  if (spec.kind === 'trend') {
    return h(Chart, {
      data: spec.data,
      scale: { day: { tickCount: 5 }, value: { min: 0, nice: true, tickCount: 4 } },
      children: [
        h(Axis, { field: 'day', style: { label: { fill: GREY, fontSize: FONT } } }),
        h(Axis, { field: 'value', style: { label: { fill: GREY, fontSize: FONT } } }),
        h(Line, { x: 'day', y: 'value', color: { field: 'series', range: [BRAND, BLUE] } }),
        h(Legend, { position: 'top', style: { justifyContent: 'center' }, itemStyle: { paddingRight: 12 }, nameStyle: { fontSize: FONT + 1, fill: '#4E5969' }, marker: 'square' }),
      ],
    });
  }
  return h(Chart, {
    data: spec.data,
    coord: { transposed: true },
    scale: { value: spec.unit === '%' ? { min: 0, max: 100, tickCount: 5 } : { min: 0, nice: true } },
    children: [
      h(Axis, { field: 'label', style: { label: { fill: '#4E5969', fontSize: FONT + 1 } } }),
      h(Axis, { field: 'value', style: { label: { fill: GREY, fontSize: FONT } } }),
      h(Interval, { x: 'label', y: 'value', color: BRAND }),
    ],
  });
}

let serial = 0;

interface Props {
  spec: ChartSpec;
  /** CSS height in px (the width is the container's). */
  height: number;
  /** What the chart shows, for screen readers ("近30天提问量与回答量趋势"). */
  label: string;
}

interface Drawn {
  canvas: { update(props: unknown): Promise<void>; destroy(): void };
}

function pixelRatio(): number {
  try {
    return Taro.getSystemInfoSync().pixelRatio || 2;
  } catch {
    return 2;
  }
}

/** Finds the 2d canvas node and its CSS size (WeChat: a selector query; the browser: the element). */
function canvasNode(id: string, el: HTMLCanvasElement | null): Promise<{ node: any; width: number; height: number } | null> {
  if (process.env.TARO_ENV === 'weapp') {
    return new Promise((resolve) => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: any[]) => {
          const r = res?.[0];
          resolve(r?.node ? { node: r.node, width: r.width, height: r.height } : null);
        });
    });
  }
  if (!el || typeof navigator === 'undefined' || /jsdom/i.test(navigator.userAgent)) return Promise.resolve(null);
  // Measure the box the page gives the chart (not a size an earlier drawing set).
  el.style.width = '100%';
  el.style.height = '100%';
  const box = el.getBoundingClientRect();
  return Promise.resolve({ node: el, width: box.width, height: box.height });
}

export function F2Chart({ spec, height, label }: Props) {
  const [id] = useState(() => `f2-chart-${++serial}`);
  const el = useRef<HTMLCanvasElement | null>(null);
  const [failed, setFailed] = useState(false);
  // Bumped when a browser window changes width: a fresh canvas element is drawn at the new size.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp' || typeof window === 'undefined') return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let width = window.innerWidth;
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (window.innerWidth === width) return;
        width = window.innerWidth;
        setGeneration((g) => g + 1);
      }, 200);
    };
    window.addEventListener('resize', onResize);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('resize', onResize);
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    let drawn: Drawn['canvas'] | null = null;
    const draw = async () => {
      const found = await canvasNode(id, el.current);
      if (cancelled) return;
      if (!found) {
        setFailed(true);
        return;
      }
      if (found.width === 0) return;
      const context = found.node.getContext?.('2d');
      if (!context) {
        setFailed(true);
        return;
      }
      const ratio = pixelRatio();
      found.node.width = found.width * ratio;
      found.node.height = found.height * ratio;
      const props: Record<string, unknown> = {
        context,
        pixelRatio: ratio,
        width: found.width,
        height: found.height,
        animate: false,
        // Room for the last axis label ("100") at the right edge.
        style: { padding: [12, 24, 8, 8] },
        children: chartOf(spec),
      };
      if (process.env.TARO_ENV === 'weapp') {
        // WeChat's 2d canvas measures text and loads images through these.
        props.createImage = () => found.node.createImage();
        const offscreen = (Taro as any).createOffscreenCanvas?.({ type: '2d' });
        if (offscreen) props.offscreenCanvas = offscreen;
      }
      const canvas = new Canvas(props as ConstructorParameters<typeof Canvas>[0]);
      await canvas.render();
      if (cancelled) canvas.destroy();
      else drawn = canvas as unknown as Drawn['canvas'];
    };
    draw().catch(() => setFailed(true));
    return () => {
      cancelled = true;
      drawn?.destroy();
    };
  }, [id, spec, generation]);

  if (failed) return null;
  return (
    <View className='f2-chart' style={{ height: `${height}px` }} aria-label={label}>
      {process.env.TARO_ENV === 'weapp' ? (
        <TaroCanvas id={id} type='2d' className='f2-chart__canvas' />
      ) : (
        createElement('canvas', { key: generation, id, ref: el, className: 'f2-chart__canvas', role: 'img', 'aria-label': label })
      )}
    </View>
  );
}
