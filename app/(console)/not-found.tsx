import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="space-y-2 p-4">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-muted dark:text-muted-dark">
        Nothing lives at this address.{' '}
        <Link href="/" className="text-accent underline dark:text-accent-dark">
          Back to the Overview
        </Link>
      </p>
    </div>
  );
}
