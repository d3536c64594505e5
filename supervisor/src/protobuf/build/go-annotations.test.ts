import { describe, expect, it } from 'vitest';
import { fieldAnnotation, messageAnnotation } from './go-annotations';
import { GoKind, parseStructTag, type GoNamedType } from './go-types';

const volume: GoNamedType = {
  pkgPath: 'k8s.io/api/core/v1',
  name: 'Volume',
  kind: GoKind.Struct,
  fields: [
    { name: 'Name', tag: 'json:"name" protobuf:"bytes,1,opt,name=name"', embedded: false, kind: GoKind.String, typeString: 'string' },
    { name: 'VolumeSource', tag: 'json:",inline" protobuf:"bytes,2,opt,name=volumeSource"', embedded: true, kind: GoKind.Struct, typeString: 'v1.VolumeSource' },
    { name: 'Replicas', tag: 'json:"replicas,omitempty" protobuf:"varint,3,opt,name=replicas"', embedded: false, kind: GoKind.Pointer, typeString: '*int32' },
    { name: 'SelfLink', tag: 'json:"self,omitempty" protobuf:"bytes,4,opt,name=selfLink"', embedded: false, kind: GoKind.String, typeString: 'string' },
    { name: 'Raw', tag: 'json:"-" protobuf:"bytes,5,opt,name=raw"', embedded: false, kind: GoKind.Slice, typeString: '[]uint8' },
    { name: 'Ref', tag: 'json:"ref" protobuf:"bytes,6,opt,name=ref"', embedded: false, kind: GoKind.Pointer, typeString: '*v1.Ref' },
  ],
};

describe('Go struct annotations', () => {
  it('parses struct tags', () => {
    expect(Object.fromEntries(parseStructTag('json:"name,omitempty" patchStrategy:"merge" protobuf:"bytes,1,opt,name=name"'))).toEqual({
      json: 'name,omitempty',
      patchStrategy: 'merge',
      protobuf: 'bytes,1,opt,name=name',
    });
  });

  it('derives pointer, omitempty, inline, rename and skip flags by protobuf field number', () => {
    const warnings: string[] = [];
    const ann = (name: string, number: number): object => fieldAnnotation(volume, { name, number }, (w) => warnings.push(w));
    expect(ann('name', 1)).toEqual({ go: 'e' });
    expect(ann('volumeSource', 2)).toEqual({ go: 'ei' });
    expect(ann('replicas', 3)).toEqual({ go: 'p' });
    expect(ann('selfLink', 4)).toEqual({ json: 'self' });
    expect(ann('raw', 5)).toEqual({ go: '-' });
    expect(ann('ref', 6)).toEqual({ go: 'pe' });
    expect(warnings).toEqual([]);
    expect(ann('missing', 99)).toEqual({});
    expect(warnings).toEqual(['k8s.io/api/core/v1.Volume: no Go field for proto field missing = 99']);
  });

  it('marks registered kinds and named slices', () => {
    const kind: GoNamedType = { pkgPath: 'k8s.io/api/core/v1', name: 'ConfigMap', kind: GoKind.Struct, fields: [{ name: 'TypeMeta', tag: 'json:",inline"', embedded: true, kind: GoKind.Struct, typeString: 'v1.TypeMeta' }] };
    expect(messageAnnotation(kind)).toEqual({ kind: true });
    expect(messageAnnotation({ pkgPath: 'k8s.io/api/authorization/v1', name: 'ExtraValue', kind: GoKind.Slice })).toEqual({ goSlice: true });
    expect(messageAnnotation(volume)).toEqual({});
    expect(messageAnnotation(undefined)).toEqual({});
  });
});
