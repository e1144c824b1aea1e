roadmap {
  name  = "Test"
  start = "2027-01"
}

team "platform" {
  capacity = 4
  capacity_by_period = {
    "2027-Q3" = 3
    "2027-Q9" = 1
    "2030-Q1" = 2
    "2027-03" = 1
  }
}
