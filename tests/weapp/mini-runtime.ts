import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/**
 * A minimal stand-in for the WeChat JS runtime: just enough globals for a
 * Taro-built bundle to evaluate (App, Page, Component, wx…) and CommonJS-style
 * `require` between its files. Each registration is recorded with the file
 * that made it, so a test can check every page actually registers.
 */
export interface Registration {
  kind: 'App' | 'Page' | 'Component' | 'Behavior';
  file: string;
  options: Record<string, unknown>;
}

export interface MountedPage {
  /** Every payload the page passed to setData, in order. */
  updates: Record<string, unknown>[];
  /** The page's data after every setData so far, applied path by path as WeChat does. */
  data: Record<string, unknown>;
  /** The text the page shows now: its text nodes (Taro serialises them as `v`) in tree order. */
  text(): string;
}

/**
 * Stands in for the cloud: gets what the bundle passed to wx.cloud.callFunction
 * (`{name, data}`) and returns the function's `result`. It may throw, which the
 * bundle sees as a failed call.
 */
export type CloudBackend = (call: { name: string; data: unknown }) => unknown;

/** The default backend: no cloud here, every call returns a result no contract accepts. */
const NO_BACKEND: CloudBackend = () => null;

export class MiniRuntime {
  readonly registrations: Registration[] = [];
  /** Calls the bundle made to wx.cloud.callFunction. */
  readonly cloudCalls: Record<string, unknown>[] = [];
  private readonly context: vm.Context;
  private readonly cache = new Map<string, { exports: unknown }>();
  private currentFile = '';
  private appInstance: Record<string, unknown> = {};
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly root: string,
    settings: { cloud?: CloudBackend } = {},
  ) {
    const record = (kind: Registration['kind']) => (options: Record<string, unknown> = {}) => {
      this.registrations.push({ kind, file: this.currentFile, options });
      if (kind === 'App') this.appInstance = options;
      return options;
    };
    const wx = makeWx(this.cloudCalls, settings.cloud ?? NO_BACKEND);
    // Timers are tracked so dispose() can stop the bundle's intervals (countdown clocks)
    // and let jest exit.
    const track = (handle: NodeJS.Timeout) => {
      this.timers.add(handle);
      return handle;
    };
    const untrack = (handle: NodeJS.Timeout | undefined) => {
      if (handle) this.timers.delete(handle);
    };
    this.context = vm.createContext({
      console,
      setTimeout: (fn: () => void, ms?: number, ...args: unknown[]) => {
        const handle: NodeJS.Timeout = setTimeout(() => {
          this.timers.delete(handle);
          fn(...(args as []));
        }, ms);
        return track(handle);
      },
      clearTimeout: (handle?: NodeJS.Timeout) => {
        untrack(handle);
        clearTimeout(handle);
      },
      setInterval: (fn: () => void, ms?: number) => track(setInterval(() => fn(), ms)),
      clearInterval: (handle?: NodeJS.Timeout) => {
        untrack(handle);
        clearInterval(handle);
      },
      wx,
      App: record('App'),
      Page: record('Page'),
      Component: record('Component'),
      Behavior: record('Behavior'),
      getApp: () => this.appInstance,
      getCurrentPages: () => [],
      requirePlugin: () => ({}),
      __wxConfig: { envVersion: 'develop', platform: 'devtools' },
    });
  }

  /** Runs a bundle file (path relative to the dist root, with or without `.js`). */
  run(relative: string): unknown {
    return this.load(path.resolve(this.root, relative.endsWith('.js') ? relative : `${relative}.js`));
  }

  /** Stops every timer the bundle started. */
  dispose(): void {
    for (const handle of this.timers) clearTimeout(handle);
    this.timers.clear();
  }

  /** Starts the app the way WeChat does after app.js has run. */
  launch(path: string): void {
    const app = this.appInstance as { onLaunch?: (o: unknown) => void; onShow?: (o: unknown) => void };
    app.onLaunch?.call(app, { path, query: {}, scene: 1001 });
    app.onShow?.call(app, { path, query: {}, scene: 1001 });
  }

  /** Creates a page instance from its registration and runs onLoad/onShow/onReady with `query`. */
  mountPage(route: string, query: Record<string, string> = {}): MountedPage {
    const registration = this.registrationsOf(route).find((r) => r.kind === 'Page');
    if (!registration) throw new Error(`${route} did not register a Page`);
    const updates: Record<string, unknown>[] = [];
    const data: Record<string, unknown> = {};
    const page = Object.assign(Object.create(registration.options) as Record<string, unknown>, {
      route,
      options: query,
      data,
      setData(payload: Record<string, unknown>, cb?: () => void) {
        updates.push(payload);
        for (const [key, value] of Object.entries(payload)) setAtPath(data, key, value);
        cb?.();
      },
      selectComponent: () => null,
      getOpenerEventChannel: () => ({ on: () => undefined, emit: () => undefined }),
    });
    const hooks = registration.options as Record<string, ((this: unknown, arg?: unknown) => void) | undefined>;
    hooks.onLoad?.call(page, query);
    hooks.onShow?.call(page);
    hooks.onReady?.call(page);
    return {
      updates,
      data,
      text: () => textOf(data.root),
    };
  }

  /** Registrations made while running `relative`. */
  registrationsOf(relative: string): Registration[] {
    const file = path.resolve(this.root, relative.endsWith('.js') ? relative : `${relative}.js`);
    return this.registrations.filter((r) => r.file === file);
  }

  private load(file: string): unknown {
    const cached = this.cache.get(file);
    if (cached) return cached.exports;
    if (!fs.existsSync(file)) throw new Error(`bundle file not found: ${path.relative(this.root, file)}`);
    const module = { exports: {} as unknown };
    this.cache.set(file, module);
    const source = fs.readFileSync(file, 'utf8');
    const wrapper = new vm.Script(`(function (require, module, exports) {${source}\n})`, { filename: file });
    const fn = wrapper.runInContext(this.context) as (req: (s: string) => unknown, m: typeof module, e: unknown) => void;
    const previous = this.currentFile;
    this.currentFile = file;
    try {
      fn((spec) => this.load(resolveSpec(file, spec)), module, module.exports);
    } finally {
      this.currentFile = previous;
    }
    return module.exports;
  }
}

/** Text of a Taro node tree: a text node carries `v`, an element its children in `cn`. */
function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const { v, cn } = node as { v?: unknown; cn?: unknown };
  if (typeof v === 'string') return v;
  return Array.isArray(cn) ? cn.map(textOf).join('') : '';
}

/**
 * Applies one setData key the way WeChat does: `a.b[1].c` (and Taro's `a.[1].c`)
 * names a path into the data, created as needed; other data stays as it was.
 */
function setAtPath(data: Record<string, unknown>, key: string, value: unknown): void {
  const path = key
    .split('.')
    .flatMap((segment) => segment.match(/[^[\]]+|\[\d+\]/g) ?? [])
    .map((segment) => (/^\[\d+\]$/.test(segment) ? Number(segment.slice(1, -1)) : segment));
  let node = data as Record<string | number, unknown>;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      node[segment] = value;
      return;
    }
    if (!node[segment] || typeof node[segment] !== 'object') node[segment] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
}

function resolveSpec(from: string, spec: string): string {
  const target = path.resolve(path.dirname(from), spec);
  return target.endsWith('.js') ? target : `${target}.js`;
}

/** `wx` with the few synchronous answers Taro reads at start-up; every other API is a no-op. */
function makeWx(cloudCalls: Record<string, unknown>[], cloud: CloudBackend): Record<string, unknown> {
  const systemInfo = {
    platform: 'devtools',
    system: 'iOS 17.0',
    version: '8.0.50',
    SDKVersion: '3.5.0',
    windowWidth: 375,
    windowHeight: 667,
    screenWidth: 375,
    screenHeight: 667,
    pixelRatio: 2,
    statusBarHeight: 20,
    language: 'zh_CN',
  };
  const known: Record<string, unknown> = {
    getSystemInfoSync: () => systemInfo,
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getStorageSync: () => '',
    getMenuButtonBoundingClientRect: () => ({ top: 24, bottom: 56, left: 280, right: 367, width: 87, height: 32 }),
    canIUse: () => true,
    nextTick: (cb: () => void) => Promise.resolve().then(cb),
    cloud: {
      init: () => undefined,
      callFunction: (options: Record<string, unknown>) => {
        cloudCalls.push(options);
        // Copied in and out, as if over the wire: the bundle and the backend share no objects.
        const call = JSON.parse(JSON.stringify({ name: options.name, data: options.data })) as { name: string; data: unknown };
        return new Promise((resolve) => setTimeout(resolve, 0)).then(() => ({ result: JSON.parse(JSON.stringify(cloud(call) ?? null)) }));
      },
    },
  };
  return new Proxy(known, {
    get(target, key) {
      if (key in target) return target[key as string];
      // Data slots (webpack's chunk registry) start empty; only API names get no-ops.
      if (typeof key !== 'string' || key === 'then' || key === 'webpackJsonp') return undefined;
      return () => undefined;
    },
    set(target, key, value) {
      target[key as string] = value;
      return true;
    },
  });
}
