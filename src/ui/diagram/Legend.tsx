/** The key to the floor plan, in the diagram's corner: every symbol in words. */
import { memo } from 'react';
import {
  ArrowInIcon,
  ArrowOutIcon,
  BadgeIcon,
  CheckIcon,
  CrossIcon,
  LockIcon,
  PersonIcon,
  PhoneIcon,
} from '../icons.tsx';

export const Legend = memo(function Legend({
  enforcing,
  reach,
}: {
  enforcing: boolean;
  reach: { source: string | null; port: number; protocol: string } | null;
}) {
  return (
    <div className="legend">
      <ul>
        <li>
          <PersonIcon size={13} /> pod
        </li>
        <li>
          <PhoneIcon size={13} /> Service
        </li>
        <li>
          <BadgeIcon size={13} /> ServiceAccount
        </li>
        <li>
          <span className="lock lock--legend">
            <LockIcon size={11} />
            in
          </span>{' '}
          isolated by a policy
        </li>
        <li className="legend__ok">
          <CheckIcon size={13} /> allowed
        </li>
        <li className="legend__no">
          <CrossIcon size={13} /> blocked
        </li>
      </ul>
      {!enforcing && (
        <p className="legend__warn">
          Network plugin ignores NetworkPolicy (Flannel): locks do nothing.
        </p>
      )}
      {reach && (
        <p className="legend__reach">
          {reach.source ? (
            <>
              Reachability from <b>{reach.source}</b> on {reach.port}/{reach.protocol}:{' '}
              <ArrowInIcon size={11} /> it can reach · <ArrowOutIcon size={11} /> reaches it
            </>
          ) : (
            <>Reachability: select a pod.</>
          )}
        </p>
      )}
    </div>
  );
});
