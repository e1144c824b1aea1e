roadmap {
  name  = "Test"
  start = "2027-01"
}

goal "zero" {
  weight = 0
}

goal "negative" {
  weight = -1
}
