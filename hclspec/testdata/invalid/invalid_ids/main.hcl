roadmap {
  name  = "Test"
  start = "2027-01"
}

project "my project" {
  duration = 1
}

goal "1st" {
  weight = 1
}
