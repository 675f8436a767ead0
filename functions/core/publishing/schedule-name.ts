/**
 * The one-time schedule of a target, named after it so scheduling again replaces it. Its own
 * module so the post use-cases name schedules without importing the publisher.
 */
export const scheduleName = (targetId: string): string => `post-target-${targetId}`;
