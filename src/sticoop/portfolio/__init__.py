"""What a partnership holds, read across the domains that depend on it: its timeline (sessions, agreements,
commitments, projects, visits, events by date), the partnership and session pages that show it, and the
implementation of a session's conclusions. A read model: it writes nothing, and no domain imports it."""
