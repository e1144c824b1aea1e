# Valid, but with a warning: an earliest start before the roadmap starts.

roadmap {
  start = "2027-Q1"
}

project "early" {
  duration       = 1
  earliest_start = "2026-Q4"
}
