import Taro from '@tarojs/taro';

export interface ReportFileLink {
  url: string;
  fileName: string;
}

/**
 * 下载: in the browser, the signed link as a download; in WeChat,
 * downloadFile then openDocument (the file opens in WeChat's viewer, whose
 * menu can forward or save it). Resolves with what went wrong, in words, or null.
 */
export async function openReportFile(file: ReportFileLink, fileType: 'xlsx' | 'docx'): Promise<string | null> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = file.url;
    a.download = file.fileName;
    a.rel = 'noopener';
    a.target = '_blank';
    document.body.appendChild(a);
    a.click();
    a.remove();
    return null;
  }
  try {
    void Taro.showLoading({ title: '正在下载…' });
    const res = await Taro.downloadFile({ url: file.url });
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
    await Taro.openDocument({ filePath: res.tempFilePath, fileType, showMenu: true });
    return null;
  } catch {
    const text = '文件下载失败：链接可能已过期，请刷新页面后重试';
    void Taro.showToast({ title: text, icon: 'none' });
    return text;
  } finally {
    void Taro.hideLoading();
  }
}
