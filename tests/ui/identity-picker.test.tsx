import { fireEvent, render, screen } from '@testing-library/react';
import { IdentityPicker } from '../../miniprogram/src/components/identity-picker';
import { listDevUsers } from '../../miniprogram/src/services/dev-identity.service';
import { readDevOpenid } from '../../miniprogram/src/services/dev-identity.store';

// HTTP mode against the local gateway (as in the H5 build).
jest.mock('../../miniprogram/src/config/env', () => ({
  appEnv: { apiBase: '', cloudEnv: '', transport: 'http' },
  isDevGateway: () => true,
}));
jest.mock('../../miniprogram/src/services/dev-identity.service', () => {
  const store = jest.requireActual('../../miniprogram/src/services/dev-identity.store');
  return { listDevUsers: jest.fn(), readDevOpenid: store.readDevOpenid, writeDevOpenid: store.writeDevOpenid };
});

test('lists the seeded people and switches identity, remembering it in storage', async () => {
  jest.mocked(listDevUsers).mockResolvedValue([
    { openid: 'dev-student-zhang', name: '张晓雨', roles: ['student'], unitNames: [], description: '学生 · 计算机学院' },
    { openid: 'dev-logistics', name: '夏晶', roles: ['responder'], unitNames: ['后勤服务中心'], description: '答复人' },
  ]);
  const onChange = jest.fn();
  render(<IdentityPicker onChange={onChange} />);

  expect(screen.getByText('当前身份：未选择（默认身份）')).toBeTruthy();
  fireEvent.click(screen.getByText('切换身份'));
  expect(await screen.findByText('张晓雨')).toBeTruthy();
  expect(screen.getByText('答复人')).toBeTruthy();

  fireEvent.click(screen.getByText('夏晶'));

  expect(screen.getByText('当前身份：夏晶')).toBeTruthy();
  expect(readDevOpenid()).toBe('dev-logistics');
  expect(onChange).toHaveBeenCalledWith('dev-logistics');
});
