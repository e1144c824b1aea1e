roadmap {
  name  = "Test"
  start = "2027-01"
}

projet "p" {
  duration = 1
}

project "q" {
  duration = 1
  costs {
    one_time = 1
  }
}
