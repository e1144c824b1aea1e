roadmap {
  name  = "Test"
  start = "2027-01"
}

team "platform" {
  capacity           = -2
  capacity_by_period = { "2027-Q2" = -1 }
}

project "p" {
  duration = 1
  effort   = { platform = -1 }
}
