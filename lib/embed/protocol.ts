import { z } from 'zod';

/**
 * The generic host contract, version 1: plain objects sent with `window.postMessage` between a
 * host page and an embedded Glasspane view. Every message carries
 * `{ protocol: 'glasspane.embed', version: 1, type, ... }`; anything else, any unknown type and
 * any field of the wrong shape makes the whole message invalid, and invalid messages are
 * ignored without an answer. Origins are checked separately (lib/embed/origins.ts).
 *
 * Host → Glasspane: `init` (answer to `ready`: context, theme, locale, optionally a token and
 * who routes links), `context` (the selected object changed), `theme` (light/dark changed),
 * `modalClosed` (a modal opened with `openModal` was closed).
 * Glasspane → host: `ready`, `navigate`, `resize`, `openModal`, `closeModal`, `notify`.
 * README "Embedding Glasspane" documents every field; keep both in step.
 */
export const PROTOCOL = 'glasspane.embed';
export const PROTOCOL_VERSION = 1;

const name = z.string().min(1).max(253);
const text = (max: number) => z.string().max(max);

/** A Kubernetes object as the host names it (kind and API group, e.g. `VirtualMachine` in `vmoperator.vmware.com`). */
export const kubeRefSchema = z.strictObject({
  group: z.string().max(253).regex(/^[a-z0-9.-]*$/),
  kind: z.string().min(1).max(63).regex(/^[A-Za-z][A-Za-z0-9]*$/),
  namespace: name.optional(),
  name,
});

/** A vSphere managed object, as `htmlClientSdk.app.getContextObjects()` returns it (`urn:vmomi:<Type>:<moId>:<server guid>`). */
export const vsphereRefSchema = z.strictObject({ id: z.string().min(1).max(512) });

export const contextObjectSchema = z.union([kubeRefSchema, vsphereRefSchema]);
export const contextSchema = z.strictObject({ objects: z.array(contextObjectSchema).max(100) });
export const themeSchema = z.enum(['light', 'dark']);

const envelope = { protocol: z.literal(PROTOCOL), version: z.literal(PROTOCOL_VERSION) };
/** What a modal hands back when it closes: a small flat record (it crosses origins by structured clone). */
const modalResult = z.record(z.string().max(64), z.union([z.string().max(1024), z.number(), z.boolean(), z.null()]));

export const hostMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...envelope,
    type: z.literal('init'),
    context: contextSchema.optional(),
    theme: themeSchema.optional(),
    locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/).max(35).optional(),
    /** A bearer token the Kubernetes API accepts; exchanged at once for a frame session. */
    token: z.string().trim().min(1).max(16 * 1024).optional(),
    /** `host`: links are only reported with `navigate`; `frame` (default): the frame also follows them. */
    navigation: z.enum(['host', 'frame']).optional(),
  }),
  z.strictObject({ ...envelope, type: z.literal('context'), context: contextSchema }),
  z.strictObject({ ...envelope, type: z.literal('theme'), theme: themeSchema }),
  z.strictObject({ ...envelope, type: z.literal('modalClosed'), id: name, result: modalResult.optional() }),
]);

export type KubeRef = z.infer<typeof kubeRefSchema>;
export type ContextObject = z.infer<typeof contextObjectSchema>;
export type EmbedContext = z.infer<typeof contextSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type HostMessage = z.infer<typeof hostMessageSchema>;
export type ModalResult = Extract<HostMessage, { type: 'modalClosed' }>['result'];

export const guestMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...envelope, type: z.literal('ready'), view: text(200), url: text(2048) }),
  z.strictObject({
    ...envelope,
    type: z.literal('navigate'),
    target: kubeRefSchema,
    /** The object's page in the full console (absolute URL). */
    href: text(2048),
    /** The same page as an embedded view (absolute URL), when there is one. */
    embedHref: text(2048).optional(),
  }),
  z.strictObject({ ...envelope, type: z.literal('resize'), height: z.number().int().min(0).max(100_000) }),
  z.strictObject({
    ...envelope,
    type: z.literal('openModal'),
    id: name,
    /** An embedded view to show in the modal (absolute URL on the console's origin). */
    url: text(2048),
    title: text(200),
    size: z.strictObject({ width: z.number().int().min(100).max(4000), height: z.number().int().min(50).max(4000) }).optional(),
    context: contextSchema.optional(),
  }),
  z.strictObject({ ...envelope, type: z.literal('closeModal'), result: modalResult.optional() }),
  z.strictObject({ ...envelope, type: z.literal('notify'), level: z.enum(['info', 'success', 'warning', 'error']), message: text(500) }),
]);

export type GuestMessage = z.infer<typeof guestMessageSchema>;

type Distribute<T> = T extends unknown ? Omit<T, 'protocol' | 'version'> : never;
export type HostMessageBody = Distribute<HostMessage>;
export type GuestMessageBody = Distribute<GuestMessage>;

/** The message, if it is a valid host message of this version; otherwise undefined (ignore it). */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  const r = hostMessageSchema.safeParse(data);
  return r.success ? r.data : undefined;
}

export function parseGuestMessage(data: unknown): GuestMessage | undefined {
  const r = guestMessageSchema.safeParse(data);
  return r.success ? r.data : undefined;
}

export function guestMessage(body: GuestMessageBody): GuestMessage {
  return { protocol: PROTOCOL, version: PROTOCOL_VERSION, ...body } as GuestMessage;
}

export function hostMessage(body: HostMessageBody): HostMessage {
  return { protocol: PROTOCOL, version: PROTOCOL_VERSION, ...body } as HostMessage;
}

export function isKubeRef(o: ContextObject): o is KubeRef {
  return 'kind' in o;
}
