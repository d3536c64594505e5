import { notFound } from 'next/navigation';

/** Unknown console URLs render the not-found page inside the shell, with the tree beside it. */
export default function Missing(): never {
  notFound();
}
