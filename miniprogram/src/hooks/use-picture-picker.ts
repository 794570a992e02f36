import { useCallback, useState } from 'react';
import { PICTURES_MAX } from '@shared/domain/pictures';
import { pickPictures, uploadImage } from '../services/upload.service';
import { userMessageOf } from '../services/api-error';

export interface PictureSlot {
  key: string;
  /** What the thumbnail shows: the picked file (local path or blob: URL). */
  preview: string;
  /** Set once uploaded. */
  fileId: string | null;
}

let nextKey = 0;

/**
 * 添加图片 for a question or an answer: up to three, each uploaded to storage
 * as soon as it is picked (the server is given the file ids and checks them).
 */
export function usePicturePicker(folder: string, max = PICTURES_MAX) {
  const [slots, setSlots] = useState<PictureSlot[]>([]);
  const [error, setError] = useState<string | null>(null);

  const add = useCallback(async () => {
    const room = max - slots.length;
    if (room <= 0) {
      setError(`最多添加 ${max} 张图片`);
      return;
    }
    const { images, refused } = await pickPictures(room);
    setError(refused);
    const added = images.map((image) => ({ key: `p${(nextKey += 1)}`, preview: image.path, fileId: null as string | null, image }));
    if (added.length === 0) return;
    setSlots((s) => [...s, ...added.map(({ key, preview }) => ({ key, preview, fileId: null }))].slice(0, max));
    await Promise.all(
      added.map(async ({ key, image }) => {
        try {
          const fileId = await uploadImage(image, folder);
          setSlots((s) => s.map((slot) => (slot.key === key ? { ...slot, fileId } : slot)));
        } catch (err) {
          setSlots((s) => s.filter((slot) => slot.key !== key));
          setError(userMessageOf(err));
        }
      }),
    );
  }, [folder, max, slots.length]);

  const remove = useCallback((key: string) => {
    setSlots((s) => s.filter((slot) => slot.key !== key));
    setError(null);
  }, []);

  const clear = useCallback(() => {
    setSlots([]);
    setError(null);
  }, []);

  const fileIds = slots.map((s) => s.fileId).filter((id): id is string => id !== null);
  const uploading = slots.some((s) => s.fileId === null);
  return { slots, error, add, remove, clear, fileIds, uploading, max };
}

export type PicturePickerState = ReturnType<typeof usePicturePicker>;
