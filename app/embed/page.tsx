import { redirect } from 'next/navigation';
import { EMBED_VIEWS } from '@/lib/embed/routes';

/** /embed alone shows the inventory. */
export default function EmbedIndex(): never {
  redirect(EMBED_VIEWS.inventory);
}
