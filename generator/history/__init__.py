"""What changed, and when: the content's git history (`commits`) turned into dated changes (`changes`)
for the Nouveautés page, each briefing's list and the feeds."""
