// Keyset paging: the server gives a cursor for the next page; the console keeps the cursors it has passed so
// that Prev goes back without offsets.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface KeysetPager {
  cursor: string | undefined;
  page: number;
  next(cursor: string): void;
  prev(): void;
  reset(): void;
}

export function useKeysetPager(): KeysetPager {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: stack[stack.length - 1],
    page: stack.length,
    next: (cursor) => setStack((s) => [...s, cursor]),
    prev: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    reset: () => setStack([undefined]),
  };
}

export function Pager({ pager, nextCursor }: { pager: KeysetPager; nextCursor: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label="pages">
      <Button isDisabled={pager.page <= 1} onPress={pager.prev}>
        {t('prev')}
      </Button>
      <span aria-live="polite">{pager.page}</span>
      <Button isDisabled={!nextCursor} onPress={() => nextCursor && pager.next(nextCursor)}>
        {t('next')}
      </Button>
    </nav>
  );
}
