'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCan, useCanCluster } from '@/components/data/use-access';
import { useDiscovery, type ServedResource } from '@/components/data/use-discovery';
import { useKubeList } from '@/components/data/use-kube-list';
import { useKindSchema } from '@/components/editor/use-kind-schema';
import type { KindSchema } from '@/lib/editor/openapi';
import { kubeGet } from '@/lib/k8s/client';
import type { KubeObject } from '@/lib/k8s/types';
import { buildKindForm, type KindForm } from '@/lib/forms/form-schema';
import { mergeHints, type FormHints } from '@/lib/forms/hints';
import { almExample, csvFor, olmHints } from '@/lib/forms/olm';
import type { OpenApiComponents, OpenApiSchema } from '@/lib/forms/openapi-schema';

/**
 * The generated form of a served kind: its schema from the cluster's live /openapi/v3 (CRDs
 * included), else — for a CRD the OpenAPI does not describe — the CRD's own openAPIV3Schema
 * (when the user may read CRDs); shaped by the descriptor's hints and, when a
 * ClusterServiceVersion in the namespace describes the kind, by its OLM specDescriptors.
 * Without OLM (or without the right to read CSVs) the form is simply the schema's.
 */
export interface KindFormState {
  form?: KindForm;
  hints: FormHints;
  /** alm-examples' sample object for the kind, when a CSV has one. */
  example?: KubeObject;
  loading: boolean;
  /** True when no schema could be found (the page is YAML-only). */
  missing: boolean;
  /** The live OpenAPI schema, for the YAML editor's validation, completion and hover. */
  kindSchema?: KindSchema;
}

const CSV_ID = 'clusterserviceversions.operators.coreos.com';

function useCrdSchema(served: ServedResource, wanted: boolean) {
  const d = served.descriptor;
  const canRead = useCanCluster('get', 'apiextensions.k8s.io', 'customresourcedefinitions');
  return useQuery({
    queryKey: ['k8s', 'crd-schema', d.group, d.resource, served.version],
    enabled: wanted && !!d.group && canRead === true,
    staleTime: 5 * 60_000,
    retry: false,
    queryFn: async () => {
      const crd = await kubeGet<KubeObject>(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${encodeURIComponent(`${d.resource}.${d.group}`)}`);
      const versions = (crd.spec?.versions as { name: string; schema?: { openAPIV3Schema?: OpenApiSchema } }[] | undefined) ?? [];
      return versions.find((v) => v.name === served.version)?.schema?.openAPIV3Schema ?? null;
    },
  });
}

function useCsvs(namespace: string | undefined): KubeObject[] {
  const discovery = useDiscovery();
  const csv = discovery.data?.byId.get(CSV_ID);
  const can = useCan('list', 'operators.coreos.com', 'clusterserviceversions', namespace ?? '');
  const list = useKubeList(csv && namespace && can ? `/apis/operators.coreos.com/${csv.version}/namespaces/${encodeURIComponent(namespace)}/clusterserviceversions` : undefined, { watch: false });
  return list.data?.items ?? [];
}

export function useKindForm(served: ServedResource, namespace: string | undefined): KindFormState {
  const d = served.descriptor;
  const gvk = useMemo(() => ({ group: d.group, version: served.version, kind: d.kind }), [d.group, d.kind, served.version]);
  const live = useKindSchema(gvk);
  const crd = useCrdSchema(served, !live.loading && !live.schema);
  const csvs = useCsvs(namespace);
  const crdName = `${d.resource}.${d.group}`;
  return useMemo(() => {
    const fromOlm = d.group ? olmHints(csvs, crdName, served.version) : undefined;
    const hints = mergeHints(d.form, fromOlm);
    const example = d.group ? almExample(csvFor(csvs, crdName, served.version), d.group, d.kind) : undefined;
    const loading = live.loading || crd.isLoading;
    const schema: OpenApiSchema | undefined = live.schema ? (live.schema.schema as OpenApiSchema) : (crd.data ?? undefined);
    const components = (live.schema?.components ?? {}) as OpenApiComponents;
    const form = schema ? buildKindForm({ schema, components, namespaced: d.namespaced, hints }) : undefined;
    return { form, hints, example, loading, missing: !loading && !schema, kindSchema: live.schema };
  }, [d, csvs, crdName, served.version, live.loading, live.schema, crd.isLoading, crd.data]);
}
