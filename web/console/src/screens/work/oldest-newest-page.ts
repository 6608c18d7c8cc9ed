// One page of a list sorted oldest or newest first, keyset-paged: the pager, the order and the page the server
// answered (the previous page stays on screen while the next loads). Spread it into OldestNewestTable.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useKeysetPager } from '../../components/Pager.tsx';
import type { OldestNewest } from './lists.tsx';

export function useOldestNewestPage<T extends { nextCursor: string | null }>(
  key: readonly unknown[],
  fetch: (order: { sort: OldestNewest; cursor?: string }) => Promise<T>,
) {
  const pager = useKeysetPager();
  const [sort, setSort] = useState<OldestNewest>('oldest');
  const page = useQuery({
    queryKey: [...key, sort, pager.cursor],
    queryFn: () => fetch({ sort, ...(pager.cursor ? { cursor: pager.cursor } : {}) }),
    placeholderData: keepPreviousData,
  });
  return { pager, sort, setSort, page };
}
