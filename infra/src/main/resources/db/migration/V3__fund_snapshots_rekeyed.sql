-- A fund's outcome reservations are now keyed by contract and outcome ("c1/o1"), not by outcome id
-- alone: two contracts of one fund may each have an outcome "o1", and the second one's payment was
-- refused as if the first had already taken it. A fund snapshot taken before holds the old keys,
-- which the fund would no longer find (and so would not see a reservation it has). Snapshots are
-- derived from the events: dropping the funds' snapshots makes each fund load from its events once,
-- and the next snapshot is taken with the new keys.
DELETE FROM snapshot_event_entry WHERE type = 'Fund';
