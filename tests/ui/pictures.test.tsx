import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { PicturePicker } from '../../miniprogram/src/components/picture-picker';
import { PictureStrip } from '../../miniprogram/src/components/picture-strip';
import { AnswerList } from '../../miniprogram/src/components/answer-list';
import { usePicturePicker } from '../../miniprogram/src/hooks/use-picture-picker';
import { uploadImage } from '../../miniprogram/src/services/upload.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { chooseImage, previewImage } from './support/taro-double';
import { NOW, answer } from './support/fixtures';

jest.mock('../../miniprogram/src/services/upload.service', () => ({
  ...jest.requireActual('../../miniprogram/src/services/upload.service'),
  uploadImage: jest.fn(),
}));

const MB = 1024 * 1024;
const picked = (...files: { path: string; size: number }[]) => ({ tempFilePaths: files.map((f) => f.path), tempFiles: files, errMsg: 'chooseImage:ok' });

let fileIds: string[] = [];
function Harness() {
  const picker = usePicturePicker('questions/pictures');
  fileIds = picker.fileIds;
  return <PicturePicker picker={picker} />;
}

beforeEach(() => {
  jest.mocked(uploadImage).mockImplementation(async (image) => `cloud://local-dev.bucket/questions/pictures/${image.path.split('/').pop()}`);
});

describe('添加图片', () => {
  it('uploads what is picked, shows thumbnails with remove, and stops offering more at three', async () => {
    render(<Harness />);
    chooseImage.mockResolvedValueOnce(picked({ path: 'wxfile://tmp/a.png', size: 300_000 }, { path: 'wxfile://tmp/b.jpg', size: 500_000 }) as never);
    fireEvent.click(screen.getByText('添加图片'));
    await waitFor(() => expect(fileIds).toHaveLength(2));
    expect(chooseImage).toHaveBeenLastCalledWith(expect.objectContaining({ count: 3 }));
    expect(screen.getByText(/（2\/3）/)).toBeTruthy();

    // Only one more fits: the picker is asked for one.
    chooseImage.mockResolvedValueOnce(picked({ path: 'wxfile://tmp/c.webp', size: 100_000 }) as never);
    fireEvent.click(screen.getByText('添加图片'));
    await waitFor(() => expect(fileIds).toHaveLength(3));
    expect(chooseImage).toHaveBeenLastCalledWith(expect.objectContaining({ count: 1 }));
    expect(screen.queryByText('添加图片')).toBeNull();

    fireEvent.click(screen.getByLabelText('删除第 2 张图片'));
    expect(fileIds).toEqual(['cloud://local-dev.bucket/questions/pictures/a.png', 'cloud://local-dev.bucket/questions/pictures/c.webp']);
    expect(screen.getByText('添加图片')).toBeTruthy();
  });

  it('leaves out a picture over 2 MB or of another type, and says why', async () => {
    render(<Harness />);
    chooseImage.mockResolvedValueOnce(picked({ path: 'wxfile://tmp/huge.png', size: 3 * MB }, { path: 'wxfile://tmp/ok.png', size: MB }) as never);
    fireEvent.click(screen.getByText('添加图片'));
    await waitFor(() => expect(fileIds).toHaveLength(1));
    expect(screen.getByText('图片不能超过 2 MB，请压缩后再添加')).toBeTruthy();

    chooseImage.mockResolvedValueOnce(picked({ path: 'wxfile://tmp/scan.bmp', size: 1000 }) as never);
    await act(async () => {
      fireEvent.click(screen.getByText('添加图片'));
    });
    expect(screen.getByText('只能添加 JPG、PNG、WebP 或 GIF 格式的图片')).toBeTruthy();
    expect(fileIds).toHaveLength(1);
  });

  it('drops a picture whose upload failed and says so', async () => {
    jest.mocked(uploadImage).mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED', '图片上传失败，请检查网络后重试'));
    render(<Harness />);
    chooseImage.mockResolvedValueOnce(picked({ path: 'wxfile://tmp/a.png', size: 1000 }) as never);
    fireEvent.click(screen.getByText('添加图片'));
    await waitFor(() => expect(screen.getByText('图片上传失败，请检查网络后重试')).toBeTruthy());
    expect(screen.queryByLabelText('删除第 1 张图片')).toBeNull();
  });
});

describe('pictures shown', () => {
  it('open full screen at the one tapped', () => {
    const urls = ['http://127.0.0.1/storage/q/a.png?t=1&sign=x', 'http://127.0.0.1/storage/q/b.png?t=1&sign=y'];
    render(<PictureStrip urls={urls} />);
    fireEvent.click(screen.getByLabelText('查看第 2 张图片'));
    expect(previewImage).toHaveBeenLastCalledWith({ urls, current: urls[1] });
  });

  it('show under an answer that has them, and nothing for one without', () => {
    render(<AnswerList answers={[answer({ pictureUrls: ['http://127.0.0.1/storage/a/1.png?t=1&sign=z'] }), answer({ id: 'a2', official: false })]} now={NOW} emptyText='暂无答复' />);
    expect(screen.getAllByLabelText(/查看第 \d 张图片/)).toHaveLength(1);
  });
});
