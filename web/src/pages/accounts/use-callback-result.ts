import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { readCallbackResult, withoutCallbackParams, type CallbackResult } from './callback-result';

/**
 * The OAuth callback's verdict, read once from the query string; the URL is then cleaned so
 * a reload or a shared link does not repeat it.
 */
export function useCallbackResult(): [CallbackResult | null, () => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const [result, setResult] = useState(() => readCallbackResult(new URLSearchParams(location.search)));

  useEffect(() => {
    const search = new URLSearchParams(location.search);
    if (!readCallbackResult(search)) return;
    const rest = withoutCallbackParams(search).toString();
    void navigate(
      { pathname: location.pathname, search: rest ? `?${rest}` : '', hash: location.hash },
      { replace: true },
    );
  }, [location, navigate]);

  return [result, () => setResult(null)];
}
