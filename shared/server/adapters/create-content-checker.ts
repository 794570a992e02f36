import type { ServerConfig } from '../config';
import type { ContentChecker } from '../ports/content-checker';
import type { SettingsRepository } from '../ports/repositories';
import { ChainedContentChecker, KeywordContentChecker } from './keyword-content-checker';
import { WechatContentChecker } from './wechat-content-checker';

/** The school's word list first, everywhere; WeChat's msgSecCheck after it in the cloud (the local cloud has no WeChat). */
export function createContentChecker(config: ServerConfig, settings: SettingsRepository): ContentChecker {
  const keywords = new KeywordContentChecker(settings);
  return config.localCloud ? keywords : new ChainedContentChecker([keywords, new WechatContentChecker()]);
}
