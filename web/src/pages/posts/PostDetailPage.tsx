import { PageHeader } from '../../components/PageHeader';

/** One post with its targets; built by the posts list work. */
export default function PostDetailPage() {
  return <PageHeader title="Post" description="Its targets, their status and links." />;
}
