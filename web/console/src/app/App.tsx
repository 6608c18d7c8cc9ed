import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { queryClient } from './query-client.ts';
import { SessionProvider } from './session.tsx';
import { Layout } from './Layout.tsx';
import { childRoutes } from './routes.tsx';

const router = createBrowserRouter([{ element: <Layout />, children: childRoutes }]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  );
}
