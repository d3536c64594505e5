/** The self-service page embedded: the embed layout drops the console chrome, and the host sizes the frame to its content. */
export { default, metadata } from '../../../(console)/self-service/page';
