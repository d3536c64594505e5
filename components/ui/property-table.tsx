import type { ReactNode } from 'react';

export interface Property {
  label: string;
  value: ReactNode;
  /** Render the value in the monospace face (URLs, paths, hashes). */
  mono?: boolean;
}

/**
 * Label/value rows as a two-column table: each label is a row header, so assistive technology
 * (and tests) can find a value through its row header, e.g. the `Kubernetes version` row.
 */
export function PropertyTable({ items }: { items: readonly Property[] }) {
  return (
    <table className="w-full border-collapse text-left">
      <tbody>
        {items.map((item) => (
          <tr key={item.label} className="align-baseline">
            <th scope="row" className="w-0 py-0.5 pr-6 font-normal whitespace-nowrap text-muted dark:text-muted-dark">
              {item.label}
            </th>
            <td className={`min-w-0 py-0.5 break-all ${item.mono ? 'font-mono text-xs' : ''}`}>{item.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
