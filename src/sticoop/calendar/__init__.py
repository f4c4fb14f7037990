"""Calendar feeds (iCalendar subscriptions per user and feed) and e-mailed reminders of coming dates."""
