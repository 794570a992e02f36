import { useRouter } from '@tarojs/taro';

/** The page's query params (also how a mini-program code's `scene` arrives). */
export function useEntryParams(): Readonly<Record<string, string | undefined>> {
  return useRouter().params;
}
