# Work under way, but no status date to place it against.
roadmap {
  start = "2027-Q1"
}

project "sso" {
  duration = 2
  status   = "in_progress"
  started  = "2027-Q1"
}

project "not_a_date" {
  duration = 2
  status   = "committed"
  started  = "yesterday"
}
