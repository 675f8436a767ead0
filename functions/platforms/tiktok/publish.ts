import {
  PlatformError,
  type AccountCredentials,
  type MediaItem,
  type PostDraft,
  type PublishedPost,
} from '../connector';
import { tiktokCall, type TikTokSettings } from './api';
import { queryCreatorInfo, type CreatorInfo } from './creator-info';
import { downloadMedia } from '../media-download';
import { parseTikTokOptions, type TikTokPostOptions } from '../../shared/platforms/tiktok/options';
import { waitForPublish } from './status';
import { planChunks, uploadChunks } from './upload';

interface InitData {
  publish_id?: string;
  upload_url?: string;
}

function checkAgainstCreator(
  options: TikTokPostOptions,
  creator: CreatorInfo,
  video: MediaItem | undefined,
): void {
  const allowed = creator.privacy_level_options ?? [];
  if (!options.privacyLevel || !allowed.includes(options.privacyLevel)) {
    throw new PlatformError(
      'permanent',
      `TikTok: choose who can view this post (${allowed.join(', ') || 'no option is available to this creator'})`,
      { platformCode: 'privacy_level_option_mismatch' },
    );
  }
  const maxSeconds = creator.max_video_post_duration_sec;
  if (
    video?.durationSeconds !== undefined &&
    maxSeconds !== undefined &&
    video.durationSeconds > maxSeconds
  ) {
    throw new PlatformError('permanent', `TikTok: this creator can post videos up to ${maxSeconds} seconds`, {
      platformCode: 'duration_check_failed',
    });
  }
}

/**
 * Video Direct Post with FILE_UPLOAD: init returns a publish_id and an upload URL, then the
 * file goes up in chunks. Interactions the creator turned off in TikTok stay off.
 */
async function startVideoPost(
  settings: TikTokSettings,
  accessToken: string,
  draft: PostDraft,
  options: TikTokPostOptions,
  creator: CreatorInfo,
  video: MediaItem,
): Promise<string> {
  const bytes = await downloadMedia(settings.context, video, 'TikTok');
  const plan = planChunks(bytes.byteLength, settings);
  const data = await tiktokCall<InitData>(settings, 'starting the video post', {
    method: 'POST',
    url: `${settings.apiBase}/v2/post/publish/video/init/`,
    accessToken,
    json: {
      post_info: {
        title: draft.text,
        privacy_level: options.privacyLevel,
        disable_comment: options.disableComment || creator.comment_disabled === true,
        disable_duet: options.disableDuet || creator.duet_disabled === true,
        disable_stitch: options.disableStitch || creator.stitch_disabled === true,
        ...(options.videoCoverTimestampMs !== undefined
          ? { video_cover_timestamp_ms: options.videoCoverTimestampMs }
          : {}),
        brand_content_toggle: options.brandedContent,
        brand_organic_toggle: options.yourBrand,
        is_aigc: options.aiGenerated,
      },
      source_info: {
        source: 'FILE_UPLOAD',
        video_size: plan.videoSize,
        chunk_size: plan.chunkSize,
        total_chunk_count: plan.totalChunkCount,
      },
    },
  });
  if (!data.publish_id || !data.upload_url)
    throw new PlatformError('transient', 'TikTok: video init returned no upload URL');
  await uploadChunks(settings, data.upload_url, video, bytes, plan);
  return data.publish_id;
}

/**
 * Photo Direct Post: TikTok pulls the images itself (PULL_FROM_URL is the only source for
 * photos), so the media URLs must be on a domain or URL prefix verified in the TikTok app
 * settings. The init call starts the post, so it is the point of no return.
 * https://developers.tiktok.com/doc/content-posting-api-reference-photo-post
 */
async function startPhotoPost(
  settings: TikTokSettings,
  accessToken: string,
  draft: PostDraft,
  options: TikTokPostOptions,
  creator: CreatorInfo,
  images: MediaItem[],
): Promise<string> {
  const data = await tiktokCall<InitData>(settings, 'starting the photo post', {
    method: 'POST',
    url: `${settings.apiBase}/v2/post/publish/content/init/`,
    accessToken,
    creates: true,
    json: {
      post_info: {
        ...(options.photoTitle ? { title: options.photoTitle } : {}),
        description: draft.text,
        privacy_level: options.privacyLevel,
        disable_comment: options.disableComment || creator.comment_disabled === true,
        auto_add_music: options.autoAddMusic,
        brand_content_toggle: options.brandedContent,
        brand_organic_toggle: options.yourBrand,
      },
      source_info: {
        source: 'PULL_FROM_URL',
        photo_cover_index: 0,
        photo_images: images.map((item) => item.url),
      },
      post_mode: 'DIRECT_POST',
      media_type: 'PHOTO',
    },
  });
  if (!data.publish_id)
    throw new PlatformError('unknown_outcome', 'TikTok accepted the photo post but returned no publish_id');
  return data.publish_id;
}

/**
 * Direct Post: creator_info -> init -> upload -> status polling.
 * https://developers.tiktok.com/doc/content-posting-api-reference-direct-post
 */
export async function publishPost(
  settings: TikTokSettings,
  credentials: AccountCredentials,
  draft: PostDraft,
): Promise<PublishedPost> {
  const { options, invalid } = parseTikTokOptions(draft.options);
  if (invalid.length > 0)
    throw new PlatformError('permanent', `TikTok: invalid post settings: ${invalid.join(', ')}`);
  const video = draft.media.find((item) => item.kind === 'video');
  const images = draft.media.filter((item) => item.kind !== 'video');
  if (!video && images.length === 0)
    throw new PlatformError('permanent', 'TikTok posts need a video or photos');

  const creator = await queryCreatorInfo(settings, credentials.accessToken);
  checkAgainstCreator(options, creator, video);
  const publishId = video
    ? await startVideoPost(settings, credentials.accessToken, draft, options, creator, video)
    : await startPhotoPost(settings, credentials.accessToken, draft, options, creator, images);
  return waitForPublish(settings, credentials.accessToken, publishId, credentials.handle);
}
