roadmap {
  start = "2027-Q1"
  as_of = "2027-04-01"
}

project "archive" {
  duration = 2
  status   = "on_hold"
  started  = "2027-01-01"
}

project "audit" {
  duration   = 1
  mandatory  = true
  depends_on = [project.archive]
}
