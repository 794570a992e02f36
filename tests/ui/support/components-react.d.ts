// Taro's React H5 components ship without per-file typings; the test double
// re-exports them under `@tarojs/components`, whose types the app already uses.
declare module '@tarojs/components-react/dist/components/*' {
  import type { ComponentType } from 'react';
  const Component: ComponentType<Record<string, unknown>>;
  export default Component;
}
