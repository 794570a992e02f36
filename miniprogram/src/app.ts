import { useEffect, type PropsWithChildren } from 'react';
import { syncDevClock } from './services/clock';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // Against the local gateway, countdowns follow its (shiftable) clock.
  useEffect(() => {
    void syncDevClock();
  }, []);
  return children;
}
export default App;
