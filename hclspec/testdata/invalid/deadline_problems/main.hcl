roadmap {
  name  = "Test"
  start = "2027-01"
}

project "before_earliest" {
  duration       = 1
  earliest_start = "2027-Q3"
  deadline       = "2027-Q2"
}

project "before_roadmap" {
  duration = 1
  deadline = "2026-06"
}

project "early_start" {
  duration       = 1
  earliest_start = "2026-01-15"
  deadline       = 2027
}

project "too_long" {
  duration       = "1 year"
  earliest_start = "2027-Q2"
  deadline       = "2027-Q4"
}
