roadmap {
  name  = "Bad input"
  start = "2027-01"
}

team "t" {
  capacity = 1e-7
}
