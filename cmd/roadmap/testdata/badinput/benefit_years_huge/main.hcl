roadmap {
  start  = "2027-01"
  period = "week"
}
project "crm" {
  duration = 1
  benefit {
    per_year = 1
    years    = 1000
  }
}
