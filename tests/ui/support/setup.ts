import { cleanup } from '@testing-library/react';
import { taroState } from './taro-double';

afterEach(() => {
  cleanup();
  taroState.reset();
  jest.restoreAllMocks();
});
