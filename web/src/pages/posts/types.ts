import type { components } from '../../api/schema.gen';

export type Post = components['schemas']['Post'];
export type PostTarget = components['schemas']['PostTarget'];
export type PostPreview = components['schemas']['PostPreview'];
export type SocialAccount = components['schemas']['SocialAccount'];
