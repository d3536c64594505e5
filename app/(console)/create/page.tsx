import type { Metadata } from 'next';
import { CreateChooser } from '@/components/wizards/create-chooser';

export const metadata: Metadata = { title: 'Create' };

/** What to create, anywhere (wizards, a namespace, any kind). */
export default function CreatePage() {
  return <CreateChooser />;
}
