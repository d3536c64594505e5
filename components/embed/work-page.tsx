'use client';

import { Suspense } from 'react';
import { ObjectEditPage } from '@/components/editor/edit/object-edit-page';
import { ImportPage } from '@/components/editor/import/import-page';
import { GenericCreatePage } from '@/components/forms/generic-create';
import { WizardRoute } from '@/components/wizards/wizard-route';
import { CreateChooser } from '@/components/wizards/create-chooser';
import type { WorkLocation } from '@/lib/embed/routes';

/**
 * The console's editing pages shown embedded: the YAML editor, import, the create chooser, the
 * wizards and the generic create form, the same components as in the console. `kind` is the
 * wizard's `?kind=`; `nonce` is the response's CSP nonce, which the editor's styles need.
 */
export function WorkPage({ location, kind, nonce }: { location: WorkLocation; kind?: string; nonce?: string }) {
  switch (location.page) {
    case 'edit':
      return (
        <Suspense>
          <ObjectEditPage key={`${location.namespace ?? ''}/${location.descriptorId}/${location.name}`} descriptorId={location.descriptorId} namespace={location.namespace} name={location.name} nonce={nonce} />
        </Suspense>
      );
    case 'import':
      return <ImportPage nonce={nonce} />;
    case 'create':
      return <CreateChooser key={location.namespace ?? ''} namespace={location.namespace} />;
    case 'create-kind':
      return <GenericCreatePage key={`${location.namespace ?? ''}/${location.descriptorId}`} descriptorId={location.descriptorId} namespace={location.namespace} />;
    case 'wizard':
      return <WizardRoute key={`${location.namespace ?? ''}/${location.wizard}`} wizard={location.wizard} namespace={location.namespace} kind={kind} />;
  }
}
