"""A workshop as a room: joining it (codes, keys, QR), the room's summary, a tally kept up to
date, its projector figures and its anonymous export. Never imports storage: storage reads
rows into these records (room.tally.RoomSource is the seam)."""
