roadmap {
  name  = "Bad input"
  start = "2027-01"
}
project 42 {
  duration = 1
}
