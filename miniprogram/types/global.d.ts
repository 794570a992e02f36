/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro for the current build. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /**
     * Base URL of the local gateway, e.g. `http://127.0.0.1:8787`. When set the
     * app calls `POST {base}/api/functions/api` instead of Taro.cloud. H5 always
     * uses HTTP; an empty value there means same-origin relative URLs.
     */
    TARO_APP_API_BASE?: string;
    /** CloudBase environment id passed to `Taro.cloud.init` in WeChat. */
    TARO_APP_CLOUD_ENV?: string;
  }
}
