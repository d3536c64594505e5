import type { Locator, Page } from '@playwright/test';

/**
 * The value cell of a label/value table row (components/ui/property-table.tsx), found through
 * its row header's exact accessible name, e.g. `propertyValue(panel, 'Kubernetes version')`.
 */
export function propertyValue(scope: Page | Locator, label: string): Locator {
  const page = 'page' in scope ? scope.page() : scope;
  return scope
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
    .getByRole('cell');
}

/** A titled panel (components/ui/panel.tsx): a region named by its title. */
export function panel(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}
