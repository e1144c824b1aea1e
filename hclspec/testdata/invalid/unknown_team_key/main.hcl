roadmap {
  name  = "Test"
  start = "2027-01"
}

team "platform" {
  capacity = 4
}

project "p" {
  duration = 1
  effort   = { platfrom = 1, "data" = 2 }
}
