roadmap {
  name  = "Test"
  start = "2027-01"
}

project "p" {
  duration = 1
  risk {
    disruption = 1.5
    security   = -0.1
    failure    = 1
  }
}
