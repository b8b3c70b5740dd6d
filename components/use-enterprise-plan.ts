import { useEffect, useState } from 'react';
import { enterprisePlanItem } from '@/lib/storage';

/** Whether the person says their X app is on the Enterprise plan (set in Settings), live as they change it. */
export function useEnterprisePlan(): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    let live = true;
    void enterprisePlanItem.getValue().then((v) => live && setOn(v === true));
    const unwatch = enterprisePlanItem.watch((v) => setOn(v === true));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return on;
}
