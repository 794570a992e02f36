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

export class MiniRuntime {
  readonly registrations: Registration[] = [];
  private readonly context: vm.Context;
  private readonly cache = new Map<string, { exports: unknown }>();
  private currentFile = '';
  private appInstance: Record<string, unknown> = {};

  constructor(private readonly root: string) {
    const record = (kind: Registration['kind']) => (options: Record<string, unknown> = {}) => {
      this.registrations.push({ kind, file: this.currentFile, options });
      if (kind === 'App') this.appInstance = options;
      return options;
    };
    const wx = makeWx();
    this.context = vm.createContext({
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
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

function resolveSpec(from: string, spec: string): string {
  const target = path.resolve(path.dirname(from), spec);
  return target.endsWith('.js') ? target : `${target}.js`;
}

/** `wx` with the few synchronous answers Taro reads at start-up; every other API is a no-op. */
function makeWx(): Record<string, unknown> {
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
    nextTick: (cb: () => void) => setTimeout(cb, 0),
    cloud: { init: () => undefined, callFunction: () => Promise.resolve({ result: null }) },
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
