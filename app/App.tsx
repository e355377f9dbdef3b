import { RouterProvider } from 'react-router/dom';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { router } from './routes';
import { SessionProvider } from './session/SessionContext';

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
      <UpdatePrompt />
    </SessionProvider>
  );
}
