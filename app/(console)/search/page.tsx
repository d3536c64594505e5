import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SearchPage } from '@/components/search/search-page';

export const metadata: Metadata = { title: 'Search' };

/** Global search; the query is `?q=` (the header's search box submits here). */
export default function Search() {
  return (
    <Suspense>
      <SearchPage />
    </Suspense>
  );
}
