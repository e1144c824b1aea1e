roadmap {
  name  = "Test"
  start = "2027-01"
}

goal "a" {
  weight = 1
}

project "p" {
  duration = 1
  goals    = { a = 1, "a" = 0.5 }
}
