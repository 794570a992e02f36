import type { ServerConfig } from '../config';
import type { ContentChecker } from '../ports/content-checker';
import type { SettingsRepository } from '../ports/repositories';
import { ChainedContentChecker, KeywordContentChecker } from './keyword-content-checker';
import { WechatContentChecker } from './wechat-content-checker';
import { localPhoneNumbers, WechatPhoneNumbers } from './phone-numbers';
import type { PhoneNumbers } from '../ports/phone-numbers';

/** The school's word list first, everywhere; WeChat's msgSecCheck after it in the cloud (the local cloud has no WeChat). */
export function createContentChecker(config: ServerConfig, settings: SettingsRepository): ContentChecker {
  const keywords = new KeywordContentChecker(settings);
  return config.localCloud ? keywords : new ChainedContentChecker([keywords, new WechatContentChecker()]);
}

/** WeChat's phone-number API in the cloud; the local stand-in under the local cloud. */
export function createPhoneNumbers(config: ServerConfig): PhoneNumbers {
  return config.localCloud ? localPhoneNumbers : new WechatPhoneNumbers();
}
