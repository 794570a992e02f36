import { useCallback } from 'react';
import { exportMyData, type MyData } from '../../services/account.service';
import { useAsync } from '../../hooks/use-async';
import { useMe } from '../../hooks/use-me';

/** 账号与数据: who I am (me.get, with the staff phone) and everything held about me (me.export). */
export function useMyData() {
  const me = useMe();
  const data = useAsync<MyData>(exportMyData);
  const { reload: reloadMe } = me;
  const { reload: reloadData } = data;
  const reload = useCallback(() => {
    reloadMe();
    reloadData();
  }, [reloadMe, reloadData]);
  return { me, data, reload };
}
