import { act, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { CountdownTag } from '../../miniprogram/src/components/countdown-tag';
import { useNow } from '../../miniprogram/src/hooks/use-now';
import { nowMs, syncDevClock } from '../../miniprogram/src/services/clock';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { NOW } from './support/fixtures';

jest.mock('../../miniprogram/src/config/env', () => ({
  appEnv: { apiBase: '', cloudEnv: '', transport: 'http' },
  isDevGateway: () => true,
}));

const request = jest.mocked(Taro.request) as unknown as jest.Mock;

function Probe({ deadlineAt }: { deadlineAt: number }) {
  const now = useNow();
  return <CountdownTag deadlineAt={deadlineAt} answeredAt={null} now={now} />;
}

test('against the local gateway, countdowns follow its shifted clock', async () => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  render(<Probe deadlineAt={NOW + 20 * HOUR_MS} />);
  expect(screen.getByText('剩余 20小时')).toBeTruthy();

  // The developer moved the server a day ahead (POST /__dev/clock {"advanceMs": 86400000}).
  request.mockResolvedValueOnce({ statusCode: 200, data: { ok: true, data: { offsetMs: 24 * HOUR_MS, now: NOW + 24 * HOUR_MS } } });
  await act(() => syncDevClock());

  expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: '/__dev/clock', method: 'GET' }));
  expect(nowMs()).toBe(NOW + 24 * HOUR_MS);
  expect(screen.getByText('已超时 4小时')).toBeTruthy();
});

test('a gateway without a dev clock leaves the device clock alone', async () => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  const before = nowMs() - NOW;
  request.mockResolvedValueOnce({ statusCode: 404, data: 'not found' });
  await syncDevClock();
  request.mockRejectedValueOnce(new Error('offline'));
  await syncDevClock();
  expect(nowMs() - NOW).toBe(before);
});
