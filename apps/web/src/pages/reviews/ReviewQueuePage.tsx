import { App, Card, Empty, Pagination, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../api/client';
import { reviewsApi } from '../../api/reviews';
import { useLoader } from '../../hooks/useLoader';
import { ReviewCard } from './ReviewCard';

const PAGE_SIZE = 10;

/** 重复审核: pairs the model could not decide, likeliest duplicates first. */
export default function ReviewQueuePage() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<string>();
  const [done, setDone] = useState<Set<string>>(new Set());
  const { data, error, loading, reload } = useLoader(
    () => reviewsApi.pending((page - 1) * PAGE_SIZE, PAGE_SIZE),
    [page],
  );

  const decide = async (id: string, merge: boolean) => {
    setBusy(id);
    try {
      if (merge) {
        const { goldenId } = await reviewsApi.merge(id);
        message.success(
          <span>
            已合并。
            <Link to={`/golden/${goldenId}`} data-testid="merged-golden-link">
              查看合并后的档案（可拆分）
            </Link>
          </span>,
          6,
        );
      } else {
        await reviewsApi.keepApart(id);
        message.success('已标记为不是同一人，以后不会再提示');
      }
      setDone((prev) => new Set(prev).add(id));
    } catch (e) {
      message.error(errorText(e));
      reload();
    } finally {
      setBusy(undefined);
    }
  };

  const items = (data?.items ?? []).filter((i) => !done.has(i.id));
  return (
    <Card
      title="重复审核"
      extra={
        <Typography.Text type="secondary">
          待审核 {Math.max(0, (data?.total ?? 0) - done.size)} 对
        </Typography.Text>
      }
      data-testid="review-queue"
    >
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      {loading && !data && <Skeleton active />}
      {data && items.length === 0 && <Empty description="没有待审核的疑似重复人员" />}
      {items.map((item) => (
        <ReviewCard
          key={item.id}
          item={item}
          busy={busy === item.id}
          onMerge={() => void decide(item.id, true)}
          onKeepApart={() => void decide(item.id, false)}
        />
      ))}
      {(data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={data?.total ?? 0}
          showSizeChanger={false}
          onChange={(p) => {
            setDone(new Set());
            setPage(p);
          }}
        />
      )}
    </Card>
  );
}
